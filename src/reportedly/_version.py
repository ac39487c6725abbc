__version__ = "0.1.0"
# The JSON record format is the product's contract; bump on any incompatible change (docs/record-format.md).
RECORD_FORMAT_VERSION = "1.0"
