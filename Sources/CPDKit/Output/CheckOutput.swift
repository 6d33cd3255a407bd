/// What `cpd check` prints: JSON for machines, a table for people.
///
/// JSON shapes (keys always in this order; extra keys come after the documented ones):
/// - one member, one body: `{"member", "body", "period", "unit", "totals", "compliant",
///   "requirements", "findings", "diagnostics", "bodyName", "excluded", "excludedActivities", "provenance"}`
/// - one member, several bodies: `{"member", "compliant", "bodies": [<one-body object>…], "diagnostics"}`,
///   each element exactly the one-body object (its own `diagnostics` empty; the import's are at the top)
/// - a team: `{"compliant", "members": [<member object>…], "diagnostics"}`, each member object as above
///   with an empty `diagnostics`; the import's diagnostics are listed once, at the top.
public enum CheckOutput {
    /// The JSON for one member: the issue-2 object for one body, or the several-bodies shape above.
    public static func json(member assessments: [Assessment], diagnostics: [Diagnostic]) -> String {
        memberObject(assessments, diagnostics: diagnostics) + "\n"
    }

    /// `{"compliant": …, "members": [ …one object per member… ], "diagnostics": […]}`.
    public static func teamJSON(_ members: [[Assessment]], diagnostics: [Diagnostic]) -> String {
        let compliant = members.allSatisfy { $0.allSatisfy(\.compliant) }
        return JSONText.object([
            ("compliant", String(compliant)),
            ("members", JSONText.array(members.map { memberObject($0, diagnostics: []) })),
            ("diagnostics", JSONText.array(diagnostics.map(diagnosticObject))),
        ]) + "\n"
    }

    static func memberObject(_ assessments: [Assessment], diagnostics: [Diagnostic]) -> String {
        if assessments.count == 1 { return bodyObject(assessments[0], diagnostics: diagnostics) }
        return JSONText.object([
            ("member", assessments.first.map { memberJSON($0.member) } ?? "null"),
            ("compliant", String(assessments.allSatisfy(\.compliant))),
            ("bodies", JSONText.array(assessments.map { bodyObject($0, diagnostics: []) })),
            ("diagnostics", JSONText.array(diagnostics.map(diagnosticObject))),
        ])
    }

    static func memberJSON(_ m: Member) -> String {
        var pairs = [("name", JSONText.string(m.name)), ("id", JSONText.string(m.id))]
        if let n = m.membershipNumber { pairs.append(("membershipNumber", JSONText.string(n))) }
        return JSONText.object(pairs)
    }

    static func bodyObject(_ a: Assessment, diagnostics: [Diagnostic]) -> String {
        let hours = { (m: Minutes) in JSONText.number(m.hours) }
        return JSONText.object([
            ("member", memberJSON(a.member)),
            ("body", JSONText.string(a.bodyID)),
            ("period", JSONText.object([("start", JSONText.string(a.period.start.description)),
                                        ("end", JSONText.string(a.period.end.description))])),
            ("unit", JSONText.string(a.unit)),
            ("totals", JSONText.object([("hours", hours(a.totals.total)), ("structured", hours(a.totals.structured)),
                                        ("unstructured", hours(a.totals.unstructured))])),
            ("compliant", String(a.compliant)),
            ("requirements", JSONText.array(a.requirements.map(requirementObject))),
            ("findings", JSONText.array(a.findings.map(findingObject))),
            ("diagnostics", JSONText.array(diagnostics.map(diagnosticObject))),
            ("bodyName", JSONText.string(a.bodyName)),
            ("excluded", String(a.excluded.count)),
            ("excludedActivities", JSONText.array(a.excluded.map(String.init))),
            ("provenance", a.provenance.map(provenanceObject) ?? "null"),
        ])
    }

    static func requirementObject(_ r: RequirementResult) -> String {
        JSONText.object([
            ("id", JSONText.string(r.id)), ("description", JSONText.string(r.description)),
            ("required", JSONText.number(r.required)), ("counted", JSONText.number(r.counted)),
            ("met", String(r.met)), ("shortfall", JSONText.number(r.shortfall)),
            ("unit", JSONText.string(r.unit)), ("stillNeeded", JSONText.optional(r.stillNeeded)),
        ])
    }

    static func findingObject(_ f: Finding) -> String {
        JSONText.object([("severity", JSONText.string(f.severity.rawValue)), ("message", JSONText.string(f.message)),
                         ("activity", f.activity.map(String.init) ?? "null")])
    }

    static func diagnosticObject(_ d: Diagnostic) -> String {
        JSONText.object([
            ("severity", JSONText.string(d.severity.rawValue)), ("file", JSONText.string(d.file)),
            ("line", d.line.map(String.init) ?? "null"), ("column", d.column.map(String.init) ?? "null"),
            ("path", JSONText.optional(d.path)), ("message", JSONText.string(d.message)),
        ])
    }

    static func provenanceObject(_ p: Provenance) -> String {
        JSONText.object([("sources", JSONText.array(p.sources.map(JSONText.string))), ("checked", JSONText.optional(p.checked)),
                         ("unconfirmed", JSONText.array(p.unconfirmed.map(JSONText.string)))])
    }
}
