/// The one measurer the team overview shapes with at any moment, and a fresh one when asked.
///
/// A measurer keeps an entry for every text it sets, so the overview of a large team is not set by one
/// measurer: `renew()` lets the current one go (after a page is painted, every `MatrixRows.rowsPerMeasurer`
/// rows) and the next `current` is a new one. The old one is released before the new one is made, so two
/// never live at once and each new one takes up the font state the last one handed back.
final class TeamMeasurers {
    private let make: () -> any TextMeasurer
    private var measurer: (any TextMeasurer)?
    /// How many measurers have been made (tests).
    private(set) var made = 0

    init(_ make: @escaping () -> any TextMeasurer) { self.make = make }

    /// The measurer to use now.
    var current: any TextMeasurer {
        if let measurer { return measurer }
        let m = make()
        made += 1
        measurer = m
        return m
    }

    /// Lets the current measurer go; the next `current` is a new one.
    func renew() { measurer = nil }
}

/// The team overview's texts by id, so that any page can be set again by the measurer that paints it.
///
/// Texts measured while the blocks are built (title, chart, headings, the matrix's header, invalid
/// members: a few hundred whatever the team's size) get ids from a list kept here; the matrix's cells
/// have ids that `MatrixRows` reads back into the member's row and column. `page(_:measuredBy:)` gives
/// the page with every text set again by the painting measurer and named by its id there.
final class TeamTexts: TextMeasurer {
    let measurers: TeamMeasurers
    /// Where the matrix's cells come from, once built.
    var matrix: MatrixRows?
    private var built: [(spec: TextSpec, width: Double)] = []
    private var ids: [Key: Int] = [:]

    private struct Key: Hashable { var spec: TextSpec; var width: Double }

    init(_ measurers: TeamMeasurers) { self.measurers = measurers }

    func measure(_ spec: TextSpec, width: Double) -> MeasuredText {
        var m = measurers.current.measure(spec, width: width)
        let key = Key(spec: spec, width: width)
        if let id = ids[key] {
            m.id = id
        } else {
            m.id = built.count
            ids[key] = m.id
            built.append((spec, width))
        }
        return m
    }

    /// What text `id` sets and at what width.
    func text(_ id: Int) -> (spec: TextSpec, width: Double)? {
        if id >= 0, id < built.count { return built[id] }
        return matrix?.text(id: id)
    }

    /// `page` with each text set again by `measurer` and named by its id there.
    func page(_ page: Page, measuredBy measurer: any TextMeasurer) -> Page {
        Page(items: page.items.map { item in
            guard case .text(let id, let lines, let x, let y) = item, let (spec, width) = text(id) else { return item }
            return .text(id: measurer.measure(spec, width: width).id, lines: lines, x: x, y: y)
        })
    }
}
