/// A deterministic share of a team: shard K of N takes the members whose id hashes to K-1 mod N,
/// so the N shards of a job array together cover every member exactly once.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    /// The whole team.
    public static let all = Shard(unchecked: 1, of: 1)

    private init(unchecked index: Int, of count: Int) { self.index = index; self.count = count }

    /// Parses `K/N` with 1 ≤ K ≤ N.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, k >= 1, k <= n else { return nil }
        self.init(unchecked: k, of: n)
    }

    /// True when this shard owns the member with this id.
    public func contains(memberID: String) -> Bool {
        count == 1 || Int(Shard.stableHash(memberID) % UInt64(count)) == index - 1
    }

    /// FNV-1a over the id's UTF-8 bytes: the same on every machine and every run,
    /// unlike Swift's seeded `Hasher`.
    public static func stableHash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    public var description: String { "\(index)/\(count)" }
}
