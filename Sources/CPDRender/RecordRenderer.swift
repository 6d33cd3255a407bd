import CCairoPango

/// Renders formal CPD records as PDF.
public enum RecordRenderer {
    /// Lays out and paints the formal record of one member checked against one or more bodies; returns the PDF bytes.
    ///
    /// Safe to call from several threads at once: every Cairo and Pango handle is created inside the call
    /// and dies with it.
    /// - Throws: `LayoutError` for a team overview layout; an error describing cairo's failure, if writing the PDF fails.
    public static func render(_ record: Record, assessments: [Assessment], layout: LayoutSpec, options: RenderOptions) throws -> [UInt8] {
        try render(record, assessments: assessments, layout: layout, options: options, compacting: true)
    }

    /// `compacting: false` gives the bytes exactly as cairo wrote them (for tests of `PDFCompactor`).
    static func render(_ record: Record, assessments: [Assessment], layout: LayoutSpec, options: RenderOptions, compacting: Bool) throws -> [UInt8] {
        guard !layout.isTeamOverview else {
            throw LayoutError(file: layout.name, message: "layout '\(layout.name)' is a team overview (it draws team-summary.pdf), not a member's record (see `cpd layouts`)")
        }
        _ = FontSetup.ready
        let surface = try PDFSurface(width: layout.page.width, height: layout.page.height)
        let measurer = PangoMeasurer(cr: surface.cr, layout: layout)
        let tokens = Tokens(record: record, assessments: assessments, layout: layout, generated: options.generatedDate)
        var builder = DocumentBuilder(record: record, assessments: assessments, layout: layout, tokens: tokens, measurer: measurer)
        let pages = Paginator(frame: Frame(layout: layout)).paginate(builder.build())

        surface.setMetadata(layout: layout, tokens: tokens, options: options)

        Painter(surface: surface, measurer: measurer, layout: layout, tokens: tokens).paint(pages)
        // Cairo writes every object uncompressed; packed into object streams a record is about 40% of that.
        let bytes = try surface.finish()
        return compacting ? PDFCompactor.compact(bytes) : bytes
    }
}
