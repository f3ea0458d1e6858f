@echo off
rem Kiosk preview: shows content.yaml as the kiosk will, again after every save.
rem Double-click it; keep it in the folder of kiosk.exe (or in packaging\ of the source).
cd /d "%~dp0"
if exist kiosk.exe (
  start "" kiosk.exe preview
) else (
  start "" ..\.venv\Scripts\pythonw.exe ..\main.py preview
)
