"""The robustness suite: bad inputs are built at test time by :mod:`builders`."""
