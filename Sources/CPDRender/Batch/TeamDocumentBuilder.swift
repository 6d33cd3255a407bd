import CPDKit

/// Builds the measured blocks of the team overview from a team layout's sections: title block with the
/// counts, the hours chart, the compliance matrix, invalid members and the team's totals.
struct TeamDocumentBuilder: BlockBuilding {
    let summary: TeamSummary
    let facts: TeamFacts
    let teamName: String?
    let layout: LayoutSpec
    let tokens: Tokens
    let measurer: any TextMeasurer
    /// The measurer for the matrix's rows, which are measured as the paginator reaches them (see `MatrixRows`).
    let rowMeasurers: TeamMeasurers
    var blocks: [Block] = []
    /// The matrix's rows once `build()` has set the matrix: the painter sets their cells again from it.
    private(set) var matrix: MatrixRows?

    /// - Parameter rowMeasurers: measurers for the matrix's rows; by default `measurer` itself, never renewed.
    init(summary: TeamSummary, facts: TeamFacts, teamName: String?, layout: LayoutSpec, tokens: Tokens, measurer: any TextMeasurer,
         rowMeasurers: TeamMeasurers? = nil) {
        self.summary = summary; self.facts = facts; self.teamName = teamName; self.layout = layout; self.tokens = tokens
        self.measurer = measurer
        self.rowMeasurers = rowMeasurers ?? TeamMeasurers { measurer }
    }

    mutating func build() -> [Block] {
        for section in layout.sections {
            let start = blocks.count
            if section.breakBefore { blocks.append(.pageBreak) }
            switch section.kind {
            case .teamTitle: titleSection()
            case .teamChart: chartSection(section)
            case .teamMatrix: matrixSection(section)
            case .invalidMembers: invalidSection(section)
            case .teamTotals: totalsSection(section)
            // The parser keeps record sections out of team layouts.
            case .title, .summary, .charts, .needs, .activities, .reflections, .declaration: break
            }
            if section.keepTogether { keepTogether(from: start) }
        }
        return blocks
    }

    var hoursWord: String { labels["hours"].lowercased() }

    // MARK: - Title block

    mutating func titleSection() {
        paragraph(labels["teamTitle"], style: "title", tag: "H1")
        let sub = [teamName ?? "", tokens.values["body.name"] ?? "", tokens.values["period"] ?? ""].filter { !$0.isEmpty }
        if !sub.isEmpty { paragraph(sub.joined(separator: "  ·  "), style: "subtitle") }
        tiles([("members", String(facts.members), "accent"), ("membersMeeting", String(facts.meeting), "met"),
               ("membersShort", String(facts.short), facts.short > 0 ? "short" : "muted"),
               ("membersInvalid", String(facts.invalid), facts.invalid > 0 ? "short" : "muted")])
        var pairs: [(String, String)] = [("team", teamName ?? "")]
        pairs.append((facts.bodies.count > 1 ? "bodies" : "body", tokens.values["body.name"] ?? ""))
        pairs += [("period", tokens.values["period"] ?? ""), ("generated", tokens.values["generated"] ?? "")]
        keyValues(pairs)
    }

    /// The figures a reader looks for first, in a row of tiles edged in their colour; a group, so it never splits.
    mutating func tiles(_ items: [(label: String, value: String, color: String)], valueStyle: String = "figure") {
        let gap = 8.0, pad = 7.0, count = Double(items.count)
        let tileWidth = (width - gap * (count - 1)) / count
        var measured: [(MeasuredText, MeasuredText)] = []
        var height = 0.0
        for item in items {
            let l = measure(TextSpec(labels[item.label], style: "label"), width: tileWidth - 2 * pad - 3)
            let v = measure(TextSpec(item.value, style: valueStyle, color: item.color), width: tileWidth - 2 * pad - 3)
            measured.append((l, v))
            height = max(height, v.height + 2 + l.height + 2 * pad)
        }
        var group: [GroupItem] = []
        for (i, (l, v)) in measured.enumerated() {
            let x = Double(i) * (tileWidth + gap)
            group.append(.rect(x: x, y: 0, width: tileWidth, height: height, fill: "zebra"))
            group.append(.rect(x: x, y: 0, width: 3, height: height, fill: items[i].color))
            group.append(.text(v, x: x + pad + 3, y: pad))
            group.append(.text(l, x: x + pad + 3, y: pad + v.height + 2))
        }
        blocks.append(.group(GroupBlock(height: height, items: group, spaceBefore: 2, spaceAfter: 10, tag: "Figure")))
    }

    // MARK: - Chart

    mutating func chartSection(_ section: SectionSpec) {
        heading(section, label: "teamChart")
        guard !facts.hours.isEmpty else { paragraph(labels["noActivities"], style: "body", italic: true); return }
        let template = facts.hours.count <= TeamChart.maxBars ? labels["chartPerMember"] : labels["chartHistogram"]
        let required = facts.requirement.map { "\(Self.amount($0.amount)) \($0.unit)" } ?? "—"
        let caption = template.replacingOccurrences(of: "{body}", with: facts.bodies.first?.name ?? "")
            .replacingOccurrences(of: "{required}", with: required)
        paragraph(caption, style: "small", keepWithNext: true)
        blocks.append(.group(TeamChart(layout: layout, measurer: measurer, width: width).chart(facts)))
    }

    // MARK: - Compliance matrix

    /// The matrix design with its `requirements` column spread into one column per requirement in the summary.
    func matrixDesign() -> (TableSpec, [(body: String, requirement: String)])? {
        guard var spec = layout.tables["matrix"] else { return nil }
        let reqs = summary.requirementColumns
        let multiBody = summary.bodyIDs.count > 1
        spec.columns = spec.columns.flatMap { c -> [ColumnSpec] in
            guard c.field == "requirements" else { return [c] }
            return reqs.enumerated().map { i, r in
                var column = c
                column.field = "requirement.\(i)"
                // "Total ≥ 35" tells the requirement apart from the hours column of the same name.
                let required = summary.rows.lazy.compactMap { $0.bodies.first { $0.bodyID == r.body }?.requirements.first { $0.id == r.requirement } }
                    .first.map(\.required) ?? 0
                column.header = (multiBody ? r.body + ": " : "") + Self.words(r.requirement) + (required > 0 ? " ≥ " + Self.amount(required) : "")
                return column
            }
        }
        return (spec, reqs)
    }

    /// `structured-hours` as `Structured hours`: a requirement id as a column header.
    static func words(_ id: String) -> String {
        let spaced = id.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return spaced.prefix(1).uppercased() + spaced.dropFirst()
    }

    mutating func matrixSection(_ section: SectionSpec) {
        heading(section, label: "matrix")
        guard !summary.rows.isEmpty, let (design, reqs) = matrixDesign() else {
            paragraph(labels["noActivities"], style: "body", italic: true); return
        }
        paragraph(labels["matrixNote"], style: "small", keepWithNext: true)
        // What each requirement column checks, in the body's own words, from the first member assessed on it.
        var legend: [String] = []
        let multiBody = summary.bodyIDs.count > 1
        for r in reqs {
            let result = summary.rows.lazy.compactMap { $0.bodies.first { $0.bodyID == r.body }?.requirements.first { $0.id == r.requirement } }.first
            guard let result else { continue }
            legend.append("\(multiBody ? r.body + ": " : "")\(Self.words(r.requirement)): \(result.description) (\(result.unit))")
        }
        if !legend.isEmpty { paragraph(labels["requirementColumns"] + ": " + legend.joined(separator: ";  "), style: "small", keepWithNext: true) }
        let labels = self.labels
        let headers = design.columns.map { labels[$0.header ?? Self.headerKey(table: "matrix", field: $0.field)] }
        let matrix = MatrixRows(rows: summary.rows, design: design, frameWidth: width, headers: headers,
                                cell: { Self.matrixCell($0, field: $1, requirements: reqs, multiBody: multiBody, labels: labels) },
                                measurers: rowMeasurers)
        // The header is measured now, like the overview's other texts; the rows when the paginator reaches them.
        let header = TableRow(cells: design.columns.enumerated().map { i, c in
            design.cellText(TableCell(headers[i]), column: c, columnWidth: matrix.columns[i].width, style: "tableHeader")
                .map { measure($0.spec, width: $0.width) }
        })
        blocks.append(.table(TableBlock(columns: matrix.columns, header: header, rows: [], paddingX: design.paddingX, paddingY: design.paddingY,
                                        repeatHeader: design.repeatHeader, headerFill: "headerFill", spaceBefore: 2, spaceAfter: 8,
                                        source: matrix.source)))
        self.matrix = matrix
    }

    /// A member's cell in the matrix column showing `field`.
    static func matrixCell(_ row: TeamSummary.Row, field: String, requirements reqs: [(body: String, requirement: String)],
                           multiBody: Bool, labels: Labels) -> TableCell {
        func perBody(_ value: (TeamSummary.BodyStatus) -> Double) -> String {
            row.bodies.map { (multiBody ? $0.bodyID + " " : "") + Self.amount(value($0)) }.joined(separator: "\n")
        }
        switch field {
        case "member": return TableCell(row.name.isEmpty ? row.memberID : row.name)
        case "id": return TableCell(row.memberID)
        case "total": return TableCell(perBody(\.total))
        case "structured": return TableCell(perBody(\.structured))
        case "shortfall": return TableCell(row.shortfall > 0 ? Self.amount(row.shortfall) : "—")
        case "status":
            return TableCell(labels[row.compliant ? "statusMeets" : "statusShort"], color: row.compliant ? "met" : "short", bold: true)
        case "file": return TableCell(row.file)
        default:
            guard field.hasPrefix("requirement."), let i = Int(field.dropFirst("requirement.".count)), i < reqs.count,
                  let result = row.bodies.first(where: { $0.bodyID == reqs[i].body })?.requirements.first(where: { $0.id == reqs[i].requirement })
            else { return TableCell("") }
            return result.met ? TableCell(labels["met"], color: "met")
                : TableCell("\(labels["short"]) \(Self.amount(result.shortfall))", color: "short", bold: true)
        }
    }

    // MARK: - Invalid members

    mutating func invalidSection(_ section: SectionSpec) {
        let failures = summary.failures
        paragraph("\(labels["invalidMembers"]) (\(failures.count))", style: "heading", keepWithNext: true, splittable: false,
                  anchor: "section-\(section.kind.rawValue)",
                  outline: section.outline ? OutlineEntry(title: labels["invalidMembers"], level: 1) : nil, tag: "H2")
        guard !failures.isEmpty else { paragraph(labels["noInvalidMembers"], style: "body"); return }
        for f in failures {
            let who = f.name.isEmpty || f.name == f.memberID ? f.memberID : "\(f.name) (\(f.memberID))"
            paragraph(who.isEmpty ? "—" : who, style: "subheading", color: "short", keepWithNext: true, splittable: false, tag: "H3")
            // One paragraph per member: its messages split across pages between lines, never from their name.
            paragraph(f.messages.map { "•  " + $0 }.joined(separator: "\n"), style: "small", color: "text")
        }
    }

    // MARK: - Totals

    mutating func totalsSection(_ section: SectionSpec) {
        heading(section, label: "teamTotals")
        let percent = facts.members > 0 ? Int((Double(facts.meeting) * 100 / Double(facts.members)).rounded()) : 0
        let meeting = labels["countOf"].replacingOccurrences(of: "{count}", with: String(facts.meeting))
            .replacingOccurrences(of: "{total}", with: String(facts.members)).replacingOccurrences(of: "{percent}", with: String(percent))
        let word = hoursWord
        let hours = { (v: Double?) in v.map { "\(Self.amount($0)) \(word)" } ?? "—" }
        tiles([("members", String(facts.members), "accent"), ("teamHours", hours(facts.totalHours), "accent"),
               ("meanHours", hours(facts.meanHours), "accent"), ("medianHours", hours(facts.medianHours), "accent"),
               ("membersMeeting", meeting, facts.meeting == facts.members ? "met" : "short")], valueStyle: "subheading")
    }
}
