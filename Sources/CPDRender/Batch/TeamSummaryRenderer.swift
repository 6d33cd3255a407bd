import CCairoPango
import CPDKit

/// Renders a team's summary (`team-summary.pdf`) as PDF: the overview a compliance officer reads to see
/// at a glance who falls short. Same measurer, paginator and painter as a member's record.
public enum TeamSummaryRenderer {
    /// Lays out and paints the team overview; returns the PDF bytes. With a fixed creation date
    /// (`SOURCE_DATE_EPOCH`) the bytes are identical run to run.
    /// - Parameters:
    ///   - summary: the team's rows (already sorted largest shortfall first) and invalid members.
    ///   - teamName: printed in the title and header when known.
    ///   - layout: a team overview layout (`team-summary`, or a user's file with team sections).
    /// - Throws: `LayoutError` when `layout` draws a member's record; an error describing cairo's failure otherwise.
    public static func render(_ summary: TeamSummary, teamName: String?, layout: LayoutSpec, options: RenderOptions) throws -> [UInt8] {
        try render(summary, teamName: teamName, layout: layout, options: options, output: nil)
    }

    /// Lays out and paints the team overview, handing the PDF to `output` piece by piece as cairo writes it
    /// (the same bytes `render` returns), so a team of thousands never holds its overview PDF in memory.
    /// - Throws: as `render`, and whatever `output` throws.
    public static func render(_ summary: TeamSummary, teamName: String?, layout: LayoutSpec, options: RenderOptions,
                              output: (UnsafeRawBufferPointer) throws -> Void) throws {
        _ = try withoutActuallyEscaping(output) { output in
            try render(summary, teamName: teamName, layout: layout, options: options, output: Optional(output))
        }
    }

    private static func render(_ summary: TeamSummary, teamName: String?, layout: LayoutSpec, options: RenderOptions,
                               output: ((UnsafeRawBufferPointer) throws -> Void)?) throws -> [UInt8] {
        guard layout.isTeamOverview else {
            throw LayoutError(file: layout.name, message: "layout '\(layout.name)' draws a member's record, not a team overview (use team-summary, or a layout whose sections are teamTitle, teamChart, teamMatrix, invalidMembers, teamTotals)")
        }
        _ = FontSetup.ready
        let surface = try PDFSurface(width: layout.page.width, height: layout.page.height, output: output)
        // One measurer at a time (`TeamMeasurers`), renewed as the matrix is measured and after each page is
        // painted, so nothing measured outlives its page and memory does not grow with the team. (cairo 1.16
        // itself keeps the tagged-PDF structure, an element per matrix row and cell, until `finish`.)
        let measurers = TeamMeasurers { PangoMeasurer(cr: surface.cr, layout: layout, retainsLayouts: false) }
        func current() -> PangoMeasurer { measurers.current as! PangoMeasurer }
        let texts = TeamTexts(measurers)
        let facts = TeamFacts(summary)
        let team = teamName.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        let tokens = Tokens(team: team, bodies: facts.bodies.map { ($0.id, $0.name) }, period: facts.periodText(labels: layout.labels),
                            layout: layout, generated: options.generatedDate)
        var builder = TeamDocumentBuilder(summary: summary, facts: facts, teamName: team, layout: layout, tokens: tokens, measurer: texts,
                                          rowMeasurers: measurers)
        let blocks = builder.build()
        texts.matrix = builder.matrix
        measurers.renew()
        // Two passes over the pure paginator, one page held at a time: the first only counts pages for
        // "Page X of Y"; the second paints each page as it is filled. The matrix's rows are measured as the
        // paginator reaches them, in each pass; each page's texts are set again, by the current measurer,
        // just before the page is painted.
        let paginator = Paginator(frame: Frame(layout: layout))
        let pageCount = paginator.paginate(blocks) { _ in }
        measurers.renew()

        surface.setMetadata(layout: layout, tokens: tokens, options: options)

        var number = 0
        Painter(surface: surface, measurer: current(), layout: layout, tokens: tokens).begin()
        paginator.paginate(blocks) { page in
            number += 1
            do {
                // A painter per page: it draws with the measurer of the moment. (A painter remembers a section's
                // outline entry for the entries under it; the overview's outline has sections only.)
                let painter = Painter(surface: surface, measurer: current(), layout: layout, tokens: tokens)
                painter.paint(texts.page(page, measuredBy: painter.measurer), number: number, of: pageCount)
            }
            measurers.renew()
        }
        Painter(surface: surface, measurer: current(), layout: layout, tokens: tokens).end()
        measurers.renew()
        return try surface.finish()
    }
}
