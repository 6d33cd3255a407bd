// Cairo/Pango rendering of CPD records. Re-exports the domain so `import CPDRender` is enough for callers.
@_exported import CPDKit
