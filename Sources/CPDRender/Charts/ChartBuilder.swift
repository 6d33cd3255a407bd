/// Vector charts for the record, as fixed-height groups: hours per month stacked by type, and one
/// progress bar per requirement. Pure geometry over measured labels; Cairo only paints the result.
struct ChartBuilder {
    let layout: LayoutSpec
    let measurer: any TextMeasurer
    let width: Double

    private func color(_ name: String, else fallback: String) -> String { layout.colors[name] != nil ? name : fallback }

    /// Stacked monthly bars over the months of `period` (at most 24), with a y scale and a legend.
    func hoursPerMonth(_ activities: [Activity], period: DateRange) -> GroupBlock {
        var months: [(year: Int, month: Int)] = []
        var y = period.start.year, m = period.start.month
        while (y, m) <= (period.end.year, period.end.month) && months.count < 24 {
            months.append((y, m)); m += 1; if m > 12 { m = 1; y += 1 }
        }
        var structured = [Int](repeating: 0, count: months.count), unstructured = structured
        for a in activities where period.contains(a.date) {
            guard let i = months.firstIndex(where: { $0.year == a.date.year && $0.month == a.date.month }) else { continue }
            if a.type == .structured { structured[i] += a.minutes.value } else { unstructured[i] += a.minutes.value }
        }
        let peakHours = Double(zip(structured, unstructured).map { $0 + $1 }.max() ?? 0) / 60
        let step = Self.niceStep(peakHours / 4)
        let top = max(step, (peakHours / step).rounded(.up) * step)

        let plotHeight = 110.0, axisWidth = 28.0, labelGap = 3.0
        let names = layout.labels["monthNames"].split(separator: " ").map(String.init)
        var items: [GroupItem] = []
        let slot = (width - axisWidth) / Double(max(1, months.count))
        let legendHeight = 16.0
        let plotTop = legendHeight
        // Grid lines and y labels
        var tick = 0.0
        while tick <= top + 0.0001 {
            let yy = plotTop + plotHeight - tick / top * plotHeight
            items.append(.line(x1: axisWidth, y1: yy, x2: width, y2: yy, width: tick == 0 ? 0.6 : 0.3, color: tick == 0 ? "rule" : "hairline"))
            let label = measurer.measure(TextSpec(Minutes.decimalText(numerator: Int(tick * 100), denominator: 100), style: "small",
                                                  alignment: .right), width: axisWidth - 4)
            items.append(.text(label, x: 0, y: yy - label.height / 2))
            tick += step
        }
        let sColor = color("structured", else: "accent"), uColor = color("unstructured", else: "muted")
        var labelHeight = 0.0
        for (i, month) in months.enumerated() {
            let x = axisWidth + Double(i) * slot + slot * 0.18, w = slot * 0.64
            let sh = Double(structured[i]) / 60 / top * plotHeight, uh = Double(unstructured[i]) / 60 / top * plotHeight
            let base = plotTop + plotHeight
            if sh > 0 { items.append(.rect(x: x, y: base - sh, width: w, height: sh, fill: sColor)) }
            if uh > 0 { items.append(.rect(x: x, y: base - sh - uh, width: w, height: uh, fill: uColor)) }
            let name = month.month <= names.count ? names[month.month - 1] : String(month.month)
            let text = months.count > 12 && month.month != 1 ? name : (month.month == 1 || i == 0 ? "\(name) \(month.year % 100)" : name)
            let label = measurer.measure(TextSpec(text, style: "small", alignment: .center, wraps: false), width: slot)
            labelHeight = max(labelHeight, label.height)
            items.append(.text(label, x: axisWidth + Double(i) * slot, y: base + labelGap))
        }
        // Legend
        var lx = axisWidth
        for (name, c) in [(layout.labels["structured"], sColor), (layout.labels["unstructured"], uColor)] {
            items.append(.rect(x: lx, y: 3, width: 8, height: 8, fill: c))
            let t = measurer.measure(TextSpec(name, style: "small", wraps: false), width: 120)
            items.append(.text(t, x: lx + 12, y: 7 - t.height / 2))
            lx += 12 + 90
        }
        return GroupBlock(height: plotTop + plotHeight + labelGap + labelHeight, items: items, spaceBefore: 4, spaceAfter: 10, tag: "Figure")
    }

    /// One bar per requirement: how much of its minimum is counted, green when met, red when short.
    func progress(_ requirements: [RequirementResult]) -> GroupBlock {
        var items: [GroupItem] = []
        var y = 0.0
        let valueWidth = 110.0, barHeight = 7.0
        for r in requirements {
            let label = measurer.measure(TextSpec(r.description, style: "label"), width: width - valueWidth)
            let amounts = "\(DocumentBuilder.amount(r.counted)) / \(DocumentBuilder.amount(r.required)) \(r.unit)"
            let value = measurer.measure(TextSpec(amounts, style: "label", alignment: .right, wraps: false), width: valueWidth)
            items.append(.text(label, x: 0, y: y))
            items.append(.text(value, x: width - valueWidth, y: y))
            y += max(label.height, value.height) + 2
            let share = r.required > 0 ? min(1, max(0, r.counted / r.required)) : 1
            items.append(.rect(x: 0, y: y, width: width, height: barHeight, fill: "zebra"))
            if share > 0 { items.append(.rect(x: 0, y: y, width: width * share, height: barHeight, fill: r.met ? "met" : "short")) }
            y += barHeight + 8
        }
        return GroupBlock(height: y, items: items, spaceBefore: 4, spaceAfter: 6, tag: "Figure")
    }

    /// 1, 2 or 5 times a power of ten, at least `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0 else { return 1 }
        var p = 1.0
        while p * 10 <= raw { p *= 10 }
        while p > raw { p /= 10 }
        for f in [1.0, 2.0, 5.0, 10.0] where f * p >= raw { return f * p }
        return 10 * p
    }
}
