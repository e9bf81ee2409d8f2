"""Built-in detectors, one module each; :mod:`cleantext.registry` collects them."""
