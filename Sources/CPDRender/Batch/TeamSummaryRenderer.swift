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
        let measurer = PangoMeasurer(cr: surface.cr, layout: layout, retainsLayouts: false)
        let facts = TeamFacts(summary)
        let team = teamName.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        let tokens = Tokens(team: team, bodies: facts.bodies.map { ($0.id, $0.name) }, period: facts.periodText(labels: layout.labels),
                            layout: layout, generated: options.generatedDate)
        var builder = TeamDocumentBuilder(summary: summary, facts: facts, teamName: team, layout: layout, tokens: tokens, measurer: measurer)
        let blocks = builder.build()
        // Two passes over the pure paginator, one page held at a time: the first only counts pages for
        // "Page X of Y"; the second paints each page as it is filled. The pages of a large team's matrix
        // would otherwise all be held at once (about 16 MB of boxes at 10,000 members).
        let paginator = Paginator(frame: Frame(layout: layout))
        let pageCount = paginator.paginate(blocks) { _ in }

        surface.setMetadata(layout: layout, tokens: tokens, options: options)

        let painter = Painter(surface: surface, measurer: measurer, layout: layout, tokens: tokens)
        var number = 0
        painter.begin()
        paginator.paginate(blocks) { page in
            number += 1
            painter.paint(page, number: number, of: pageCount)
        }
        painter.end()
        return try surface.finish()
    }
}
