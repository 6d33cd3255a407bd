import CPDKit
import Foundation

/// What the team overview says about a `TeamSummary`, worked out once: the bodies and period, the
/// counts, each member's hours for the chart and the requirement the chart marks. Pure values.
struct TeamFacts: Sendable {
    /// One body named in the summary, with its full name and the period(s) members were assessed over.
    struct Body: Sendable {
        var id: String
        var name: String
        var periods: [DateRange]
    }

    /// A member's hours for the chart, counted for the first body.
    struct Hours: Sendable {
        var name: String
        var total: Double
        var structured: Double
        var compliant: Bool
        var unstructured: Double { max(0, total - structured) }
    }

    var bodies: [Body]
    var hours: [Hours]
    /// The minimum the chart marks: the first body's largest requirement in hours (its overall minimum); the
    /// summary's totals are hours whatever the body's unit, so a minimum in another unit is not drawn.
    var requirement: (amount: Double, unit: String, description: String)?
    var meeting: Int
    var short: Int
    var invalid: Int

    var members: Int { meeting + short + invalid }

    init(_ summary: TeamSummary) {
        var bodies: [Body] = summary.bodyIDs.map { Body(id: $0, name: $0, periods: []) }
        // Body names and periods live in each member's check JSON, which the summary keeps verbatim (and which
        // survives `cpd summary` merging shards), so they are read from there rather than carried twice.
        for row in summary.rows {
            for part in Self.bodyObjects(row.checkJSON) {
                guard let id = part["body"] as? String, let i = bodies.firstIndex(where: { $0.id == id }) else { continue }
                if let name = part["bodyName"] as? String, !name.isEmpty { bodies[i].name = name }
                if let p = part["period"] as? [String: Any], let s = (p["start"] as? String).flatMap(CalendarDate.init(iso:)),
                   let e = (p["end"] as? String).flatMap(CalendarDate.init(iso:)) {
                    let range = DateRange(start: s, end: e)
                    if !bodies[i].periods.contains(range) { bodies[i].periods.append(range) }
                }
            }
        }
        self.bodies = bodies.map { var b = $0; b.periods.sort { ($0.start, $0.end) < ($1.start, $1.end) }; return b }
        let first = summary.bodyIDs.first
        hours = summary.rows.map { row in
            let b = row.bodies.first { $0.bodyID == first }
            return Hours(name: row.name.isEmpty ? row.memberID : row.name, total: b?.total ?? 0, structured: b?.structured ?? 0,
                         compliant: row.compliant)
        }
        requirement = nil
        if let body = summary.rows.lazy.compactMap({ $0.bodies.first { $0.bodyID == first } }).first,
           let r = body.requirements.filter({ $0.unit.lowercased() == "hours" && $0.required > 0 }).max(by: { $0.required < $1.required }) {
            requirement = (r.required, r.unit, r.description)
        }
        meeting = summary.rows.filter(\.compliant).count
        short = summary.rows.count - meeting
        invalid = summary.failures.count
    }

    /// The body objects of one member's check JSON (one body, or several under `bodies`).
    static func bodyObjects(_ json: String) -> [[String: Any]] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else { return [] }
        return (object["bodies"] as? [[String: Any]]) ?? [object]
    }

    /// The period in words: one range, or how many ranges and the span they cover (anniversary periods differ by member).
    func periodText(labels: Labels) -> String {
        let all = bodies.flatMap(\.periods)
        var distinct: [DateRange] = []
        for p in all where !distinct.contains(p) { distinct.append(p) }
        guard let lo = distinct.map(\.start).min(), let hi = distinct.map(\.end).max() else { return "" }
        if distinct.count == 1 { return Tokens.periodText(distinct[0]) }
        return labels["periodsVary"].replacingOccurrences(of: "{count}", with: String(distinct.count))
            .replacingOccurrences(of: "{start}", with: lo.description).replacingOccurrences(of: "{end}", with: hi.description)
    }

    /// Sum, mean and median of the members' hours (first body).
    var totalHours: Double { hours.reduce(0) { $0 + $1.total } }
    var meanHours: Double? { hours.isEmpty ? nil : totalHours / Double(hours.count) }
    var medianHours: Double? {
        let sorted = hours.map(\.total).sorted()
        guard !sorted.isEmpty else { return nil }
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }
}
