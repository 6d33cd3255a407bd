/// Joins records of the same member read from several files: same member id, else same name.
struct RecordMerger {
    private(set) var records: [Record] = []
    private var matcher = MemberMatcher()

    mutating func add(_ record: Record) {
        let k = matcher.add(name: record.member.name, id: record.member.id)
        if k == records.count { records.append(record) } else { records[k] = Self.merging(record, into: records[k]) }
    }

    /// `base` with `more`'s activities appended (numbered on), its needs joined, and blanks in the member filled.
    static func merging(_ more: Record, into base: Record) -> Record {
        var out = base
        var book = NeedBook(base.needs)
        var remap: [String: String] = [:]
        for need in more.needs { remap[need.id] = book.merge(need) }
        out.needs = book.needs
        for var activity in more.activities {
            activity.number = out.activities.count + 1
            activity.needs = activity.needs.map { remap[$0] ?? $0 }
            out.activities.append(activity)
        }
        var m = out.member
        let other = more.member
        if m.id.isEmpty { m.id = other.id }
        if m.name.isEmpty { m.name = other.name }
        m.membershipNumber = m.membershipNumber ?? other.membershipNumber
        m.body = m.body ?? other.body
        m.role = m.role ?? other.role
        m.employer = m.employer ?? other.employer
        m.periodStart = m.periodStart ?? other.periodStart
        out.member = m
        out.period = out.period ?? more.period
        return out
    }

    /// The record with a needs file's needs first: ids the activities name now link to the defined needs.
    static func applying(_ defined: [Need], to record: Record) -> Record {
        var book = NeedBook()
        for need in defined { book.merge(need) }
        var remap: [String: String] = [:]
        for need in record.needs { remap[need.id] = book.merge(need) }
        var out = record
        out.needs = book.needs
        for k in out.activities.indices { out.activities[k].needs = out.activities[k].needs.map { remap[$0] ?? $0 } }
        return out
    }
}

/// Which member a (name, id) read from a file is: the rule `RecordMerger` joins records by,
/// on names and ids alone, so a streaming import can group members before reading their rows.
struct MemberMatcher {
    /// Each member's name and id as merging leaves them (blanks filled from later parts).
    private(set) var keys: [(name: String, id: String)] = []
    private var byID: [String: Int] = [:]
    private var byName: [String: Int] = [:]

    /// The member index this part belongs to; `keys.count` before the call means a new member.
    mutating func add(name: String, id: String) -> Int {
        let k = (id.isEmpty ? nil : byID[id]) ?? byName[name].flatMap { k in
            // Two different ids under one name are two people.
            id.isEmpty || keys[k].id.isEmpty ? k : nil
        }
        guard let k else {
            keys.append((name, id))
            if !id.isEmpty { byID[id] = keys.count - 1 }
            byName[name] = byName[name] ?? keys.count - 1
            return keys.count - 1
        }
        if keys[k].id.isEmpty { keys[k].id = id }
        if keys[k].name.isEmpty { keys[k].name = name }
        if !id.isEmpty { byID[id] = k }
        return k
    }
}
