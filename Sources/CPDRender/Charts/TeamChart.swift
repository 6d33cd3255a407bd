/// The team overview's chart, as one fixed-height vector group: a horizontal bar per member (total
/// hours split structured/unstructured, the minimum as a line) while the names stay readable, and a
/// histogram of members by hours (stacked meets/falls short) for larger teams.
struct TeamChart {
    let layout: LayoutSpec
    let measurer: any TextMeasurer
    let width: Double
    /// Above this many members one bar each would be unreadable (and taller than a page): draw the distribution.
    static let maxBars = 40

    private func color(_ name: String, else fallback: String) -> String { layout.colors[name] != nil ? name : fallback }
    private func text(_ s: String, style: String = "small", align: TextSpec.Alignment = .left, width: Double, color: String? = nil) -> MeasuredText {
        measurer.measure(TextSpec(s, style: style, alignment: align, wraps: false, color: color), width: max(4, width))
    }

    func chart(_ facts: TeamFacts) -> GroupBlock {
        facts.hours.count <= Self.maxBars ? bars(facts) : histogram(facts)
    }

    /// Ticks for a 0...`peak` axis: a nice step and the axis top.
    private func scale(_ peak: Double) -> (step: Double, top: Double) {
        let step = ChartBuilder.niceStep(max(peak, 1) / 5)
        return (step, max(step, (peak / step).rounded(.up) * step))
    }

    /// The legend row: coloured keys with their words, each in an equal slot so no word can run into the next.
    private func legend(_ keys: [(String, String, isLine: Bool)], into items: inout [GroupItem]) -> Double {
        let slot = min(170, width / Double(max(1, keys.count)))
        var height = 0.0
        for (i, (word, c, isLine)) in keys.enumerated() {
            let x = Double(i) * slot
            if isLine {
                items.append(.line(x1: x + 4, y1: 1, x2: x + 4, y2: 11, width: 1.5, color: c))
            } else {
                items.append(.rect(x: x, y: 2, width: 8, height: 8, fill: c))
            }
            let t = text(word, width: slot - 16)
            items.append(.text(t, x: x + 12, y: 6 - t.height / 2))
            height = max(height, t.height)
        }
        return max(12, height) + 6
    }

    private func vertical(_ x: Double, _ top: Double, _ bottom: Double, into items: inout [GroupItem], color: String) {
        items.append(.line(x1: x, y1: top, x2: x, y2: bottom, width: 1.2, color: color))
    }

    // MARK: - One bar per member

    private func bars(_ facts: TeamFacts) -> GroupBlock {
        var items: [GroupItem] = []
        let sColor = color("structured", else: "accent"), uColor = color("unstructured", else: "muted")
        let line = "text"
        var keys: [(String, String, isLine: Bool)] = [(layout.labels["structured"], sColor, false), (layout.labels["unstructured"], uColor, false)]
        if let r = facts.requirement { keys.append(("\(layout.labels["requirementLine"]) \(DocumentBuilder.amount(r.amount)) \(r.unit)", line, true)) }
        let top = legend(keys, into: &items)
        let nameWidth = min(150, width * 0.3), valueWidth = 34.0
        let plotX = nameWidth + 6, plotWidth = width - plotX - valueWidth
        let peak = max(facts.hours.map(\.total).max() ?? 0, facts.requirement?.amount ?? 0)
        let (step, axisTop) = scale(peak)
        let rowHeight = 11.0, barHeight = 7.0
        let plotTop = top + 2, plotBottom = plotTop + Double(facts.hours.count) * rowHeight
        func xFor(_ v: Double) -> Double { plotX + v / axisTop * plotWidth }
        // Grid and hour labels below the plot.
        var tick = 0.0, labelHeight = 0.0
        while tick <= axisTop + 0.0001 {
            let x = xFor(tick)
            items.append(.line(x1: x, y1: plotTop, x2: x, y2: plotBottom, width: tick == 0 ? 0.6 : 0.3, color: tick == 0 ? "rule" : "hairline"))
            let t = text(DocumentBuilder.amount(tick), align: .center, width: 40)
            items.append(.text(t, x: x - 20, y: plotBottom + 2))
            labelHeight = max(labelHeight, t.height)
            tick += step
        }
        for (i, m) in facts.hours.enumerated() {
            let y = plotTop + Double(i) * rowHeight
            let name = text(m.name, align: .right, width: nameWidth, color: m.compliant ? "text" : "short")
            items.append(.text(name, x: 0, y: y + rowHeight / 2 - name.height / 2))
            let sw = xFor(m.structured) - plotX, uw = xFor(m.structured + m.unstructured) - plotX - sw
            let by = y + (rowHeight - barHeight) / 2
            if sw > 0 { items.append(.rect(x: plotX, y: by, width: sw, height: barHeight, fill: sColor)) }
            if uw > 0 { items.append(.rect(x: plotX + sw, y: by, width: uw, height: barHeight, fill: uColor)) }
            let value = text(DocumentBuilder.amount(m.total), width: valueWidth - 3, color: "muted")
            items.append(.text(value, x: plotX + sw + uw + 3, y: y + rowHeight / 2 - value.height / 2))
        }
        if let r = facts.requirement { vertical(xFor(r.amount), plotTop - 2, plotBottom + 1, into: &items, color: line) }
        let axis = text(layout.labels["hoursAxis"], align: .center, width: plotWidth)
        items.append(.text(axis, x: plotX, y: plotBottom + 3 + labelHeight))
        return GroupBlock(height: plotBottom + 3 + labelHeight + axis.height, items: items, spaceBefore: 4, spaceAfter: 8, tag: "Figure")
    }

    // MARK: - Distribution for large teams

    private func histogram(_ facts: TeamFacts) -> GroupBlock {
        var items: [GroupItem] = []
        let met = "met", short = "short"
        let line = "text"
        var keys: [(String, String, isLine: Bool)] = [(layout.labels["membersMeeting"], met, false), (layout.labels["membersShort"], short, false)]
        if let r = facts.requirement { keys.append(("\(layout.labels["requirementLine"]) \(DocumentBuilder.amount(r.amount)) \(r.unit)", line, true)) }
        let top = legend(keys, into: &items)
        let peakHours = max(facts.hours.map(\.total).max() ?? 0, facts.requirement?.amount ?? 0)
        // A round bin width giving at most about 36 bins; when there is a requirement the width divides it,
        // so no bin straddles the line and every bar is wholly above or below the minimum.
        var binWidth = ChartBuilder.niceStep(max(peakHours, 1) / 36)
        if let r = facts.requirement, r.amount > 0 {
            var candidate = binWidth
            for _ in 0..<12 where (r.amount / candidate).rounded() * candidate != r.amount {
                candidate = ChartBuilder.niceStep(candidate * 1.01)
            }
            binWidth = (r.amount / candidate).rounded() * candidate == r.amount ? candidate : r.amount / max(1, (r.amount / binWidth).rounded())
        }
        let binCount = max(1, Int((peakHours / binWidth).rounded(.down)) + 1)
        var meets = [Int](repeating: 0, count: binCount), shorts = meets
        for m in facts.hours {
            let i = min(binCount - 1, max(0, Int((m.total / binWidth).rounded(.down))))
            if m.compliant { meets[i] += 1 } else { shorts[i] += 1 }
        }
        let peakCount = Double(zip(meets, shorts).map { $0 + $1 }.max() ?? 1)
        let (step, axisTop) = scale(peakCount)
        let axisWidth = 30.0, plotHeight = 150.0
        let yLabel = text(layout.labels["membersAxis"], width: 80)
        items.append(.text(yLabel, x: 0, y: top))
        let plotX = axisWidth, plotWidth = width - axisWidth, plotTop = top + yLabel.height + 6, base = plotTop + plotHeight
        var tick = 0.0
        while tick <= axisTop + 0.0001 {
            let y = base - tick / axisTop * plotHeight
            items.append(.line(x1: plotX, y1: y, x2: width, y2: y, width: tick == 0 ? 0.6 : 0.3, color: tick == 0 ? "rule" : "hairline"))
            let t = text(String(Int(tick)), align: .right, width: axisWidth - 4)
            items.append(.text(t, x: 0, y: y - t.height / 2))
            tick += step
        }
        let span = Double(binCount) * binWidth
        func xFor(_ hours: Double) -> Double { plotX + hours / span * plotWidth }
        let slot = plotWidth / Double(binCount)
        for i in 0..<binCount {
            let x = xFor(Double(i) * binWidth) + slot * 0.08, w = slot * 0.84
            let mh = Double(meets[i]) / axisTop * plotHeight, sh = Double(shorts[i]) / axisTop * plotHeight
            if sh > 0 { items.append(.rect(x: x, y: base - sh, width: w, height: sh, fill: short)) }
            if mh > 0 { items.append(.rect(x: x, y: base - sh - mh, width: w, height: mh, fill: met)) }
        }
        // Hour labels at bin edges, thinned so they never touch.
        let labelEvery = max(1, Int((34 / slot).rounded(.up)))
        var labelHeight = 0.0
        for i in stride(from: 0, through: binCount, by: labelEvery) {
            let t = text(DocumentBuilder.amount(Double(i) * binWidth), align: .center, width: 40)
            items.append(.text(t, x: xFor(Double(i) * binWidth) - 20, y: base + 2))
            labelHeight = max(labelHeight, t.height)
        }
        if let r = facts.requirement { vertical(xFor(r.amount), plotTop - 4, base + 1, into: &items, color: line) }
        let axis = text(layout.labels["hoursAxis"], align: .center, width: plotWidth)
        items.append(.text(axis, x: plotX, y: base + 3 + labelHeight))
        return GroupBlock(height: base + 3 + labelHeight + axis.height, items: items, spaceBefore: 4, spaceAfter: 8, tag: "Figure")
    }
}
