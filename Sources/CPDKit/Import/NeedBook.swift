/// One member's needs while a log is read: links what activities name (an id such as `N1`
/// or a need's words) to a need, creating the need when nothing defines it.
struct NeedBook {
    private(set) var needs: [Need] = []
    private var byID: [String: Int] = [:]
    private var byDescription: [String: Int] = [:]
    /// Exact reference text to id, so a million rows naming the same need cost one lookup each.
    private var cache: [String: String] = [:]

    init(_ defined: [Need] = []) {
        for need in defined { _ = add(need) }
    }

    /// The id of the need `reference` names, creating it if nothing does yet.
    mutating func resolve(_ reference: String, source: SourceLocation?) -> String {
        if let id = cache[reference] { return id }
        let id: String
        if let k = byID[Self.fold(reference)] ?? byDescription[Self.fold(reference)] {
            id = needs[k].id
        } else if Self.looksLikeID(reference) {
            id = needs[add(Need(id: reference, description: reference, source: source))].id
        } else {
            id = needs[add(Need(id: freshID(), description: reference, source: source))].id
        }
        cache[reference] = id
        return id
    }

    /// Adds `incoming` unless it is the same need as one already here; returns where it is, plus the id it ended up with.
    /// The same id with the same words (or either side only a bare id) is the same need; the same words under another id too.
    @discardableResult
    mutating func merge(_ incoming: Need) -> String {
        if let k = byID[Self.fold(incoming.id)] {
            let existing = needs[k]
            let bare = existing.description == existing.id, incomingBare = incoming.description == incoming.id
            if bare || incomingBare || Self.fold(existing.description) == Self.fold(incoming.description) {
                if bare && !incomingBare {
                    needs[k].description = incoming.description
                    byDescription[Self.fold(incoming.description)] = k
                }
                needs[k].priority = existing.priority ?? incoming.priority
                needs[k].target = existing.target ?? incoming.target
                needs[k].status = existing.status ?? incoming.status
                needs[k].source = existing.source ?? incoming.source
                return existing.id
            }
        }
        if let k = byDescription[Self.fold(incoming.description)] { return needs[k].id }
        var copy = incoming
        if byID[Self.fold(copy.id)] != nil || copy.id.isEmpty { copy.id = freshID() }
        return needs[add(copy)].id
    }

    private mutating func add(_ need: Need) -> Int {
        needs.append(need)
        let k = needs.count - 1
        byID[Self.fold(need.id)] = byID[Self.fold(need.id)] ?? k
        byDescription[Self.fold(need.description)] = byDescription[Self.fold(need.description)] ?? k
        cache.removeAll()
        return k
    }

    /// `N` and the smallest number above the count of needs that no need uses yet.
    private func freshID() -> String {
        var k = needs.count + 1
        while byID[Self.fold("N\(k)")] != nil { k += 1 }
        return "N\(k)"
    }

    static func fold(_ text: String) -> String { text.lowercased() }

    /// A short token of letters, digits, `-` and `_`, with a digit in it (`N1`, `LN-03`): an id, not words.
    static func looksLikeID(_ text: String) -> Bool {
        text.utf8.count <= 12 && text.contains(where: \.isNumber)
            && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }
}
