/// The words a record prints, by key. A layout may replace any of them (to print the record in
/// another language); keys it does not name keep these English defaults.
public struct Labels: Sendable, Hashable {
    public private(set) var values: [String: String]

    public init(overrides: [String: String] = [:]) {
        values = Labels.defaults.merging(overrides) { _, new in new }
    }

    /// The label for `key`, or the key itself when unknown (so a mistake shows on the page, not as a crash).
    public subscript(key: String) -> String { values[key] ?? key }

    /// Every key a layout may set, with its English text.
    public static let defaults: [String: String] = [
        "documentTitle": "Continuing Professional Development Record",
        "member": "Member", "memberID": "Member ID", "membershipNumber": "Membership number",
        "role": "Role", "employer": "Employer", "body": "Professional body", "bodies": "Professional bodies",
        "period": "CPD period", "generated": "Date generated",
        "summary": "Summary", "charts": "Charts", "needs": "Learning and development needs",
        "activities": "Activity log", "reflections": "Reflections", "declaration": "Declaration",
        "requirement": "Requirement", "required": "Required", "counted": "Counted", "status": "Status",
        "stillNeeded": "Still needed", "met": "Met", "short": "Short",
        "totalHours": "Total", "structured": "Structured", "unstructured": "Unstructured",
        "compliant": "All requirements met", "notCompliant": "Requirements not yet met",
        "findings": "Findings", "noFindings": "No findings.",
        "rulesFrom": "Rules checked by cpd against the body's published requirements:",
        "rulesChecked": "(last compared {date}).",
        "unconfirmedRule": "Unconfirmed (cpd's reading, not confirmed by the body's own text):",
        "excluded": "{count} activities fall outside the period and are not counted.",
        "excludedOne": "1 activity falls outside the period and is not counted.",
        "excludedMark": "Marked † : outside the period, not counted.",
        "id": "ID", "need": "Need", "priority": "Priority", "target": "Target", "needStatus": "Status",
        "linkedActivities": "Activities", "hours": "Hours", "hour": "Hour", "noNeeds": "No learning needs recorded.",
        "number": "#", "date": "Date", "title": "Activity", "type": "Type", "categories": "Categories",
        "evidence": "Evidence", "provider": "Provider", "method": "Method", "reflection": "Reflection",
        "total": "Total", "noActivities": "No activities recorded.",
        "evidenceKept": "Evidence kept", "noReflection": "No reflection recorded.", "noEvidence": "none recorded",
        "declarationText": "I declare that this is a true and accurate record of the continuing professional development I undertook in the period shown, and that I hold the evidence listed for each activity.",
        "signature": "Signature", "signedDate": "Date", "printedName": "Name",
        "hoursPerMonth": "Hours per month", "progress": "Progress against requirements",
        "high": "High", "medium": "Medium", "low": "Low",
        "monthNames": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
        "participatory": "Participatory", "code": "Code",
        "open": "Open", "metStatus": "Met", "carriedOver": "Carried over",
        // The team overview (team-summary.pdf).
        "teamTitle": "Team CPD summary", "team": "Team", "members": "Members",
        "membersMeeting": "Meet all requirements", "membersShort": "Fall short", "membersInvalid": "Input invalid",
        "teamChart": "Hours against the requirement", "matrix": "Compliance matrix",
        "invalidMembers": "Members whose input could not be read", "noInvalidMembers": "None: every member's input was read.",
        "teamTotals": "Team totals", "recordsWritten": "Records written", "teamHours": "Total hours",
        "meanHours": "Mean hours per member", "medianHours": "Median hours per member",
        "statusMeets": "Meets all", "statusShort": "Falls short", "requirementLine": "Required",
        "membersAxis": "Members", "hoursAxis": "Hours",
        "chartPerMember": "Each member's hours in the period ({body}), structured and unstructured; the line marks the minimum of {required}.",
        "chartHistogram": "How many members counted how many hours ({body}), split by whether they meet every requirement; the line marks the minimum of {required}.",
        "matrixNote": "Largest shortfall first. Each requirement column shows Met, or Short with the amount still needed.",
        "requirementColumns": "Requirement columns",
        "periodsVary": "{count} periods between {start} and {end}",
        "countOf": "{count} of {total} ({percent}%)",
        "matrixTotal": "Total h", "matrixStructured": "Structured h",
    ]
}
