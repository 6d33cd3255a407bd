/// The result of checking one record against one body's profile for one period.
/// A value: the renderer and the JSON output read it, nothing mutates it later.
public struct Assessment: Sendable, Hashable, Codable {
    public var member: Member
    public var bodyID: String
    public var bodyName: String
    public var period: DateRange
    /// The body's unit in words, plural (`hours`, `units`, `PDUs`, `CPE credits`, `entries`).
    public var unit: String
    public var totals: Totals
    public var compliant: Bool
    public var requirements: [RequirementResult]
    public var findings: [Finding]
    /// Activity numbers counted in the period, in log order.
    public var included: [Int]
    /// Activity numbers left out because they fall outside the period.
    public var excluded: [Int]
    /// Where the body's rules come from, printed on the record.
    public var provenance: Provenance?

    public init(member: Member, bodyID: String, bodyName: String, period: DateRange, unit: String, totals: Totals,
                compliant: Bool, requirements: [RequirementResult], findings: [Finding], included: [Int], excluded: [Int],
                provenance: Provenance? = nil) {
        self.member = member; self.bodyID = bodyID; self.bodyName = bodyName; self.period = period; self.unit = unit
        self.totals = totals; self.compliant = compliant; self.requirements = requirements; self.findings = findings
        self.included = included; self.excluded = excluded; self.provenance = provenance
    }
}

/// Time in the period, exact.
public struct Totals: Sendable, Hashable, Codable {
    public var total: Minutes
    public var structured: Minutes
    public var unstructured: Minutes

    public init(total: Minutes, structured: Minutes, unstructured: Minutes) {
        self.total = total; self.structured = structured; self.unstructured = unstructured
    }
}

/// One requirement of a body, met or short.
public struct RequirementResult: Sendable, Hashable, Codable {
    public var id: String
    /// Plain words: "At least 35 hours of CPD in the period".
    public var description: String
    /// Amounts in the requirement's unit (hours, units, entries…), exact to the unit's step.
    public var required: Double
    public var counted: Double
    public var met: Bool
    public var shortfall: Double
    /// The unit these amounts are in (`hours`, `entries`, …).
    public var unit: String
    /// "6.5 more hours", or nil when met.
    public var stillNeeded: String?

    public init(id: String, description: String, required: Double, counted: Double, met: Bool, shortfall: Double,
                unit: String, stillNeeded: String? = nil) {
        self.id = id; self.description = description; self.required = required; self.counted = counted
        self.met = met; self.shortfall = shortfall; self.unit = unit; self.stillNeeded = stillNeeded
    }
}

/// Something about the record beyond the numbers: a missing reflection, a need with no activity.
public struct Finding: Sendable, Hashable, Codable {
    public enum Severity: String, Sendable, Hashable, Codable { case error, warning, info }

    public var severity: Severity
    public var message: String
    /// The activity number it concerns, if any.
    public var activity: Int?

    public init(severity: Severity, message: String, activity: Int? = nil) {
        self.severity = severity; self.message = message; self.activity = activity
    }
}

/// Where a body's rules were taken from and how sure we are of them.
public struct Provenance: Sendable, Hashable, Codable {
    public var sources: [String]
    /// When the rules were last checked against the sources (`YYYY-MM-DD`).
    public var checked: String?
    /// Rules not confirmed by a primary source, in plain words.
    public var unconfirmed: [String]

    public init(sources: [String] = [], checked: String? = nil, unconfirmed: [String] = []) {
        self.sources = sources; self.checked = checked; self.unconfirmed = unconfirmed
    }
}
