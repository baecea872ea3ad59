; Windows installer of the console (NSIS, Modern UI 2), French first, then English.
; Built by packaging/build.py --nsis on a Windows build machine from the PyInstaller
; bundle (dist\console). On Linux, build.py compiles it against the Linux bundle only to
; prove the script compiles.
;
;   makensis -DVERSION=0.1.0 -DBUNDLE=dist\console -DICON=build\icons\console-loisirs.ico
;            -DOUTFILE=dist\console-loisirs-0.1.0-setup.exe packaging\windows\console.nsi

Unicode true
!include "MUI2.nsh"

!ifndef VERSION
  !error "VERSION is not defined (-DVERSION=…)"
!endif
!ifndef BUNDLE
  !error "BUNDLE is not defined (-DBUNDLE=path\to\dist\console)"
!endif
!ifndef OUTFILE
  !define OUTFILE "console-loisirs-${VERSION}-setup.exe"
!endif

!define PRODUCT "Console de soutien"
!define PUBLISHER "Ville de Québec"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\console-loisirs"

Name "${PRODUCT}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\VilleDeQuebec\console-loisirs"
InstallDirRegKey HKLM "Software\VilleDeQuebec\console-loisirs" "InstallDir"
RequestExecutionLevel admin
!ifdef COMPILE_CHECK
  SetCompress off  ; a compile check on Linux: the script, not the compression, is tested
!else
  SetCompressor /SOLID lzma
!endif
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1036 "ProductName" "${PRODUCT}"
VIAddVersionKey /LANG=1036 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=1036 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1036 "FileDescription" "Installation de la console de soutien"
VIAddVersionKey /LANG=1036 "LegalCopyright" "${PUBLISHER}"

!ifdef ICON
  !define MUI_ICON "${ICON}"
  !define MUI_UNICON "${ICON}"
!endif
!define MUI_ABORTWARNING

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the default: French (Canada's agents), then English.
!insertmacro MUI_LANGUAGE "French"
!insertmacro MUI_LANGUAGE "English"

LangString ShortcutName ${LANG_FRENCH} "Console de soutien"
LangString ShortcutName ${LANG_ENGLISH} "Support console"
LangString UninstallName ${LANG_FRENCH} "Désinstaller la console de soutien"
LangString UninstallName ${LANG_ENGLISH} "Uninstall the support console"

Function .onInit
  ; Silent installs (/S) by the city's deployment tools take French unless told otherwise.
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Section "Console" SecConsole
  SectionIn RO
  SetShellVarContext all
  SetOutPath "$INSTDIR"
  File /r "${BUNDLE}\*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKLM "Software\VilleDeQuebec\console-loisirs" "InstallDir" "$INSTDIR"
  ; The system-wide settings folder an administrator fills (server URL, CA, language).
  CreateDirectory "$APPDATA\VilleDeQuebec\console-loisirs"  ; all users: C:\ProgramData
  CreateDirectory "$SMPROGRAMS\${PRODUCT}"
  CreateShortcut "$SMPROGRAMS\${PRODUCT}\$(ShortcutName).lnk" "$INSTDIR\console-fenetre.exe"
  CreateShortcut "$SMPROGRAMS\${PRODUCT}\$(UninstallName).lnk" "$INSTDIR\uninstall.exe"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "${PRODUCT}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\console.exe"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  SetShellVarContext all
  Delete "$SMPROGRAMS\${PRODUCT}\*.lnk"
  RMDir "$SMPROGRAMS\${PRODUCT}"
  ; Only what the installer put there; the administrator's settings folder stays.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\console.exe"
  Delete "$INSTDIR\console-fenetre.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
  DeleteRegKey HKLM "Software\VilleDeQuebec\console-loisirs"
SectionEnd
