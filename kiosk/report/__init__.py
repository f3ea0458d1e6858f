"""`kiosk report`: what visitors did, as one page staff want to open (index.html, offline, with
charts drawn by matplotlib) and its figures (report.json). Made on a staff computer: matplotlib
is the `report` extra, which the kiosk and its build do not carry."""
