// Cairo/Pango rendering of CPD records.
@_exported import CPDKit
