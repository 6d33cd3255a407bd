/// The record's sections, in the words of issue 2: title block, summary, needs, activity log,
/// reflections and declaration.
extension DocumentBuilder {
    mutating func titleSection() {
        paragraph(labels["documentTitle"], style: "title", tag: "H1")
        let sub = [tokens.values["body.name"] ?? "", tokens.values["period"] ?? ""].filter { !$0.isEmpty }.joined(separator: "  ·  ")
        if !sub.isEmpty { paragraph(sub, style: "subtitle") }
        let m = record.member
        var pairs: [(String, String)] = [("member", m.name), ("memberID", m.id)]
        if let n = m.membershipNumber, n != m.id { pairs.append(("membershipNumber", n)) }
        if let r = m.role { pairs.append(("role", r)) }
        if let e = m.employer { pairs.append(("employer", e)) }
        let bodies = assessments.map(\.bodyName)
        if !bodies.isEmpty { pairs.append((bodies.count > 1 ? "bodies" : "body", tokens.values["body.name"] ?? "")) }
        pairs.append(("period", tokens.values["period"] ?? ""))
        pairs.append(("generated", tokens.values["generated"] ?? ""))
        keyValues(pairs)
    }

    mutating func summarySection(_ section: SectionSpec) {
        heading(section, label: "summary")
        if assessments.isEmpty {
            let all = record.activities.map(\.minutes).sum()
            keyValues([("totalHours", all.hoursText + " " + labels[all == Minutes(60) ? "hour" : "hours"].lowercased())])
            return
        }
        for a in assessments {
            if assessments.count > 1 { paragraph(a.bodyName, style: "subheading", keepWithNext: true, tag: "H3") }
            paragraph(labels[a.compliant ? "compliant" : "notCompliant"], style: "body", color: a.compliant ? "met" : "short",
                      bold: true, keepWithNext: true)
            figures(a)
            let summary = table("summary", rows: a.requirements.count) { r, field in
                let req = a.requirements[r]
                switch field {
                case "requirement": return Cell(req.description)
                case "required": return Cell("\(Self.amount(req.required)) \(req.unit)")
                case "counted": return Cell("\(Self.amount(req.counted)) \(req.unit)")
                case "status": return Cell(labels[req.met ? "met" : "short"], color: req.met ? "met" : "short", bold: true)
                case "stillNeeded": return Cell(req.met ? "—" : (req.stillNeeded ?? "\(Self.amount(req.shortfall)) \(req.unit)"))
                default: return Cell("")
                }
            }
            append(summary)
            if !a.excluded.isEmpty {
                let text = a.excluded.count == 1 ? labels["excludedOne"] : labels["excluded"]
                    .replacingOccurrences(of: "{count}", with: String(a.excluded.count))
                paragraph(text, style: "small")
            }
            provenance(a)
            if !a.findings.isEmpty {
                paragraph(labels["findings"], style: "subheading", keepWithNext: true, tag: "H3")
                for (f, text) in Self.groupedFindings(a.findings, record: record) {
                    paragraph("•  " + text, style: "small", color: f.severity == .error ? "short" : nil)
                }
            }
        }
    }

    /// Findings as printed: the same finding about many activities ("Activity 3 (Title) names no
    /// learning need", sixty times) becomes one line naming them all, so a record stays readable.
    static func groupedFindings(_ findings: [Finding], record: Record) -> [(Finding, String)] {
        let titles = Dictionary(record.activities.map { ($0.number, $0.title) }, uniquingKeysWith: { a, _ in a })
        func rest(_ f: Finding) -> String? {
            guard let n = f.activity, let title = titles[n] else { return nil }
            let prefix = "Activity \(n) (\(title)) "
            return f.message.hasPrefix(prefix) ? String(f.message.dropFirst(prefix.count)) : nil
        }
        var groups: [String: [Finding]] = [:]
        for f in findings { if let r = rest(f) { groups[r + "\u{0}" + f.severity.rawValue, default: []].append(f) } }
        var printed = Set<String>()
        var out: [(Finding, String)] = []
        for f in findings {
            if let r = rest(f), let group = groups[r + "\u{0}" + f.severity.rawValue], group.count >= 4 {
                guard printed.insert(r + "\u{0}" + f.severity.rawValue).inserted else { continue }
                let numbers = group.compactMap(\.activity).map { "#\($0)" }.joined(separator: ", ")
                out.append((f, "\(group.count) activities: \(r) (\(numbers))"))
            } else {
                out.append((f, f.message + (f.activity.map { " (#\($0))" } ?? "")))
            }
        }
        return out
    }

    /// Where the body's rules come from, and which are cpd's reading rather than the regulator's
    /// confirmed word, printed under the verdict so nobody mistakes one for the other.
    mutating func provenance(_ a: Assessment) {
        guard let p = a.provenance, !(p.sources.isEmpty && p.unconfirmed.isEmpty) else { return }
        var line = labels["rulesFrom"]
        if !p.sources.isEmpty { line += " " + p.sources.joined(separator: "; ") }
        if let checked = p.checked { line += " " + labels["rulesChecked"].replacingOccurrences(of: "{date}", with: checked) }
        paragraph(line, style: "small")
        for u in p.unconfirmed {
            paragraph(labels["unconfirmedRule"] + " " + u, style: "small", italic: true)
        }
    }

    /// Total, structured and unstructured time as three labelled figures.
    mutating func figures(_ a: Assessment) {
        let items: [(String, Minutes)] = [("totalHours", a.totals.total), ("structured", a.totals.structured),
                                          ("unstructured", a.totals.unstructured)]
        let gap = 8.0, boxWidth = (width - 2 * gap) / 3, pad = 7.0
        var group: [GroupItem] = []
        var height = 0.0
        var measured: [(MeasuredText, MeasuredText)] = []
        for (label, value) in items {
            let l = measure(TextSpec(labels[label], style: "label"), width: boxWidth - 2 * pad)
            let v = measure(TextSpec("\(value.hoursText) \(labels[value == Minutes(60) ? "hour" : "hours"].lowercased())", style: "subheading", bold: true),
                            width: boxWidth - 2 * pad)
            measured.append((l, v))
            height = max(height, l.height + 2 + v.height + 2 * pad)
        }
        for (i, (l, v)) in measured.enumerated() {
            let x = Double(i) * (boxWidth + gap)
            group.append(.rect(x: x, y: 0, width: boxWidth, height: height, fill: "zebra"))
            group.append(.rect(x: x, y: 0, width: 2, height: height, fill: "accent"))
            group.append(.text(l, x: x + pad + 2, y: pad))
            group.append(.text(v, x: x + pad + 2, y: pad + l.height + 2))
        }
        blocks.append(.group(GroupBlock(height: height, items: group, spaceBefore: 4, spaceAfter: 6, keepWithNext: true, tag: "Figure")))
    }

    mutating func needsSection(_ section: SectionSpec) {
        heading(section, label: "needs")
        guard !record.needs.isEmpty else { paragraph(labels["noNeeds"], style: "body", italic: true); return }
        let needs = record.needs
        let needsTable = table("needs", rows: needs.count) { r, field in
            let n = needs[r]
            switch field {
            case "id": return Cell(n.id)
            case "need": return Cell(n.description)
            case "priority": return Cell(n.priority.map { labels[$0.rawValue] } ?? "")
            case "target": return Cell(n.target?.description ?? "")
            case "status":
                guard let s = n.status else { return Cell("") }
                return Cell(labels[s == .met ? "metStatus" : s == .open ? "open" : "carriedOver"])
            case "activities":
                let nums = record.activities.filter { $0.needs.contains(n.id) }.map { "#\($0.number)" }
                return Cell(nums.isEmpty ? "—" : nums.joined(separator: ", "))
            case "hours": return Cell(minutes(ofNeed: n.id).hoursText)
            default: return Cell("")
            }
        }
        append(needsTable)
    }

    mutating func activitiesSection(_ section: SectionSpec) {
        heading(section, label: "activities")
        let acts = record.activities
        guard !acts.isEmpty else { paragraph(labels["noActivities"], style: "body", italic: true); return }
        let counted = included
        let hasReflections = layout.sections.contains { $0.kind == .reflections }
        let total = acts.filter { counted.contains($0.number) }.map(\.minutes).sum()
        let log = table("activities", rows: acts.count, anchor: { "activity-\(acts[$0].number)" },
              muted: { !counted.contains(acts[$0].number) },
              totals: ["title": Cell(labels["total"]), "hours": Cell(total.hoursText)]) { r, field in
            let a = acts[r]
            switch field {
            case "number": return Cell(counted.contains(a.number) ? "\(a.number)" : "\(a.number)†")
            case "date": return Cell(a.endDate.map { "\(a.date) – \($0)" } ?? a.date.description)
            case "title": return Cell(a.title, link: hasReflections ? .destination("reflection-\(a.number)") : nil)
            case "type": return Cell(typeLabel(a.type))
            case "categories": return Cell(a.categories.joined(separator: ", "))
            case "hours": return Cell(a.minutes.hoursText)
            case "needs": return Cell(a.needs.joined(separator: ", "))
            case "evidence": return Cell(a.evidence.joined(separator: "; "), link: a.evidence.first(where: Self.isURL).map { .uri($0) })
            case "provider": return Cell(a.provider ?? "")
            case "method": return Cell(a.method ?? "")
            case "reflection": return Cell(a.reflection ?? "")
            case "participatory":
                return Cell(a.categories.contains { $0.lowercased() == "participatory" } ? a.minutes.hoursText : "0")
            case "code": return Cell(a.categories.filter { $0.lowercased() != "participatory" }.joined(separator: ", "))
            default: return Cell("")
            }
        }
        append(log)
        if acts.contains(where: { !counted.contains($0.number) }) { paragraph(labels["excludedMark"], style: "small") }
    }

    static func isURL(_ s: String) -> Bool { s.hasPrefix("https://") || s.hasPrefix("http://") }

    mutating func reflectionsSection(_ section: SectionSpec) {
        heading(section, label: "reflections")
        for a in record.activities {
            paragraph("\(a.number).  \(a.title)", style: "subheading", keepWithNext: true, splittable: false,
                      anchor: "reflection-\(a.number)",
                      outline: section.outline ? OutlineEntry(title: "\(a.number). \(a.title)", level: 2) : nil,
                      link: .destination("activity-\(a.number)"), tag: "H3")
            var meta = [a.endDate.map { "\(a.date) – \($0)" } ?? a.date.description,
                        "\(a.minutes.hoursText) \(labels[a.minutes == Minutes(60) ? "hour" : "hours"].lowercased())", typeLabel(a.type)]
            if let p = a.provider, !p.isEmpty { meta.append(p) }
            if let m = a.method, !m.isEmpty { meta.append(m) }
            paragraph(meta.joined(separator: "  ·  "), style: "small", keepWithNext: true)
            let evidence = a.evidence.isEmpty ? labels["noEvidence"] : a.evidence.joined(separator: "; ")
            // One paragraph, so the evidence line is never separated from the reflection's last lines.
            let text = a.hasReflection ? (a.reflection ?? "") : labels["noReflection"]
            var spec = TextSpec(parts: [(text, "body"), ("\n\(labels["evidenceKept"]): \(evidence)", "small")])
            if !a.hasReflection { spec.color = "muted"; spec.italic = true }
            let m = measure(spec)
            let body = layout.style("body")
            blocks.append(.text(TextBlock(text: m, spaceBefore: body.spaceBefore, spaceAfter: body.spaceAfter)))
        }
    }

    mutating func declarationSection(_ section: SectionSpec) {
        heading(section, label: "declaration")
        paragraph(labels["declarationText"], style: "body", splittable: false)
        let lineY = 44.0, gap = 24.0
        let signWidth = (width - gap) * 0.62, dateWidth = width - gap - signWidth
        let sign = measure(TextSpec(labels["signature"], style: "label"), width: signWidth)
        let date = measure(TextSpec(labels["signedDate"], style: "label"), width: dateWidth)
        let name = measure(TextSpec("\(labels["printedName"]): \(record.member.name)", style: "label"), width: width)
        let items: [GroupItem] = [
            .line(x1: 0, y1: lineY, x2: signWidth, y2: lineY, width: 0.6, color: "text"),
            .line(x1: signWidth + gap, y1: lineY, x2: width, y2: lineY, width: 0.6, color: "text"),
            .text(sign, x: 0, y: lineY + 3), .text(date, x: signWidth + gap, y: lineY + 3),
            .text(name, x: 0, y: lineY + 3 + sign.height + 6),
        ]
        blocks.append(.group(GroupBlock(height: lineY + 3 + sign.height + 6 + name.height, items: items, spaceBefore: 6, tag: "Div")))
    }

    mutating func chartsSection(_ section: SectionSpec) {
        heading(section, label: "charts")
        let charts = ChartBuilder(layout: layout, measurer: measurer, width: width)
        let period = assessments.first?.period ?? record.period ?? Tokens.span(of: record.activities)
        if let period {
            paragraph(labels["hoursPerMonth"], style: "subheading", keepWithNext: true, tag: "H3")
            blocks.append(.group(charts.hoursPerMonth(record.activities, period: period)))
        }
        for a in assessments where !a.requirements.isEmpty {
            let title = assessments.count > 1 ? "\(labels["progress"]): \(a.bodyName)" : labels["progress"]
            paragraph(title, style: "subheading", keepWithNext: true, tag: "H3")
            blocks.append(.group(charts.progress(a.requirements)))
        }
    }
}
