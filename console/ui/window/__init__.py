"""The window and the wiring between screens: main window, sign-in, start-up, demo tools,
and the install_* functions that connect one screen's action to another's dialog."""
