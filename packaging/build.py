"""Build the console for a PC without Python: a one-folder PyInstaller bundle, then, on
request, the packages made from it.

    uv run python packaging/build.py               # dist/console/ (the bundle)
    uv run python packaging/build.py --self-test   # … then run the bundle's --self-test
    uv run python packaging/build.py --deb         # … and dist/console-loisirs_<v>_<arch>.deb
    uv run python packaging/build.py --nsis        # … and the Windows installer (makensis)
    uv run python packaging/build.py --no-build --deb   # package the bundle already built

Prints the build time and the bundle's size. Outputs stay in build/ and dist/ (ignored by
git). On Linux, --nsis compiles the NSIS script against the Linux bundle: that proves the
script compiles, not that the installer works (only a Windows build machine can).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
DIST = ROOT / "dist"
BUILD = ROOT / "build"
BUNDLE = DIST / "console"
PACKAGE = "console-loisirs"
INSTALL_DIR = Path("/opt") / PACKAGE


def version() -> str:
    sys.path.insert(0, str(ROOT))
    from console import __version__

    return __version__


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def program(bundle: Path) -> Path:
    return bundle / ("console.exe" if sys.platform == "win32" else "console")


def make_icons() -> dict[str, Path]:
    """The application icon as PNG (Linux menus) and ICO (Windows), drawn by Qt from the
    SVG (no ImageMagick on the build machine)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon, QImage
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["build"])
    svg = PACKAGING / f"{PACKAGE}.svg"
    out = BUILD / "icons"
    out.mkdir(parents=True, exist_ok=True)
    image: QImage = QIcon(str(svg)).pixmap(QSize(256, 256)).toImage()
    png, ico = out / f"{PACKAGE}.png", out / f"{PACKAGE}.ico"
    if not image.save(str(png)) or not image.save(str(ico)):  # format from the suffix
        raise SystemExit(f"could not draw the icons from {svg}")
    del app
    return {"svg": svg, "png": png, "ico": ico}


def build_bundle(icons: dict[str, Path]) -> None:
    started = time.perf_counter()
    env = dict(os.environ, CONSOLE_BUNDLE_ICON=str(icons["ico"]))
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(DIST),
            "--workpath",
            str(BUILD / "pyinstaller"),
            str(PACKAGING / "console.spec"),
        ],
        cwd=ROOT,
        env=env,
        check=True,
    )
    took = time.perf_counter() - started
    print(f"bundle: {BUNDLE} — {megabytes(folder_size(BUNDLE))}, built in {took:.0f} s")
    qt = BUNDLE / "_internal" / "PySide6"
    if qt.is_dir():
        print(f"  of which Qt (PySide6): {megabytes(folder_size(qt))}")


def self_test(bundle: Path) -> None:
    """The bundle's own program, not the source tree's: run with no Python on the path."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env["CONSOLE_SYSTEM_SETTINGS"] = ""
    started = time.perf_counter()
    if subprocess.run([str(program(bundle)), "--self-test"], env=env, check=False).returncode:
        raise SystemExit(f"the self-test of {program(bundle)} failed (above)")
    print(f"self-test of {program(bundle)} passed in {time.perf_counter() - started:.1f} s")


def build_deb(icons: dict[str, Path]) -> Path:
    """A Debian package made from the bundle: /opt/console-loisirs, a `console` launcher on
    the PATH, a menu entry with its icon, and the server's systemd unit (disabled)."""
    arch = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()
    root = BUILD / "deb" / "root"
    if root.exists():
        shutil.rmtree(root)
    debian = PACKAGING / "debian"
    shutil.copytree(BUNDLE, root / INSTALL_DIR.relative_to("/"), symlinks=True)
    launcher = root / "usr" / "bin" / "console"
    launcher.parent.mkdir(parents=True)
    launcher.symlink_to(INSTALL_DIR / "console")
    _copy(debian / f"{PACKAGE}.desktop", root / "usr/share/applications", 0o644)
    _copy(icons["svg"], root / "usr/share/icons/hicolor/scalable/apps", 0o644)
    _copy(icons["png"], root / "usr/share/icons/hicolor/256x256/apps", 0o644)
    _copy(debian / "console-serve.service", root / "lib/systemd/system", 0o644)
    _copy(debian / "settings.toml", root / f"etc/{PACKAGE}", 0o644)
    docs = root / f"usr/share/doc/{PACKAGE}"
    _copy(debian / "server.example.toml", docs, 0o644)
    _copy(debian / "server.example.env", docs, 0o644)
    _copy(ROOT / "README.md", docs, 0o644)
    _copy(debian / "copyright", docs, 0o644)
    control = root / "DEBIAN"
    control.mkdir()
    size_kb = folder_size(root) // 1024
    text = (debian / "control").read_text(encoding="utf-8")
    text = text.format(version=version(), arch=arch, size=size_kb)
    (control / "control").write_text(text, encoding="utf-8")
    for script in ("postinst", "prerm", "postrm"):
        _copy(debian / script, control, 0o755)
    _copy(debian / "conffiles", control, 0o644)
    target = DIST / f"{PACKAGE}_{version()}_{arch}.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zxz", "-z3", "--build", str(root), str(target)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    print(f"deb: {target} — {megabytes(target.stat().st_size)}")
    return target


def _copy(source: Path, folder: Path, mode: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / source.name
    shutil.copyfile(source, target)
    target.chmod(mode)
    return target


def build_nsis(icons: dict[str, Path]) -> Path:
    makensis = shutil.which("makensis")
    if makensis is None:
        raise SystemExit("makensis not found (Debian: apt-get install nsis)")
    out = DIST if sys.platform == "win32" else BUILD / "nsis-compile-check"
    out.mkdir(parents=True, exist_ok=True)
    target = out / f"{PACKAGE}-{version()}-setup.exe"
    subprocess.run(
        [
            makensis,
            "-V2",
            "-INPUTCHARSET",
            "UTF8",
            f"-DVERSION={version()}",
            f"-DBUNDLE={BUNDLE}",
            f"-DICON={icons['ico']}",
            f"-DOUTFILE={target}",
            *([] if sys.platform == "win32" else ["-DCOMPILE_CHECK"]),
            str(PACKAGING / "windows" / "console.nsi"),
        ],
        check=True,
    )
    if sys.platform == "win32":
        print(f"nsis installer: {target} — {megabytes(target.stat().st_size)}")
    else:
        print(f"nsis: {PACKAGING / 'windows' / 'console.nsi'} compiles (not a Windows build)")
        target.unlink()  # a Windows installer of a Linux bundle: proof of the script only
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="use the bundle in dist/")
    parser.add_argument("--self-test", action="store_true", help="run the bundle's self-test")
    parser.add_argument("--deb", action="store_true", help="make the Debian package")
    parser.add_argument("--nsis", action="store_true", help="compile the NSIS installer")
    args = parser.parse_args(argv)
    icons = make_icons()
    if not args.no_build:
        build_bundle(icons)
    if not program(BUNDLE).exists():
        raise SystemExit(f"no bundle at {BUNDLE}: build it first")
    if args.self_test:
        self_test(BUNDLE)
    if args.deb:
        build_deb(icons)
    if args.nsis:
        build_nsis(icons)
    return 0


if __name__ == "__main__":
    sys.exit(main())
