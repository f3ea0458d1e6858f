"""The benchmark's probes, one a module; bench/run.py runs them and holds them to their bounds."""
