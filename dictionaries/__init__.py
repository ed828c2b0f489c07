"""Readable data files of ocrfix, installed as the subpackage ``ocrfix.dictionaries``.

Each file opens with a header saying where it came from and how to rebuild it;
``ocrfix.data`` finds them with ``importlib.resources``.
"""
