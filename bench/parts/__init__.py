"""The measured parts of the benchmark, one module each; every part returns its table rows."""
