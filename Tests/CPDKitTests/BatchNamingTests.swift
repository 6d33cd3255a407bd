import Testing
@testable import CPDKit

@Suite struct BatchNamingTests {
    @Test(arguments: ["../../x", "/etc/x", "a/b", "", "..", ".", "~root", "a\\b", "x\u{0}y", "team-summary", "Zoë Müller"])
    func hostileIdsStayInsideTheFolder(id: String) {
        let stem = MemberFileNames.stem(for: id)
        #expect(!stem.isEmpty)
        #expect(stem.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || $0 == 45 || $0 == 95 })
        #expect(!stem.hasPrefix("-") && !stem.hasPrefix("."))
        #expect(stem.lowercased() != "team-summary")
    }

    @Test func collisionsResolveTheSameWayWhateverTheOrder() {
        let ids = ["a/b", "a-b", "A-B", "c"]
        let names = MemberFileNames.assign(ids)
        #expect(Set(names.map { $0.lowercased() }).count == 4)
        let reversed = MemberFileNames.assign(ids.reversed())
        #expect(Array(reversed.reversed()) == names)
    }

    @Test func shardsPartitionTheTeam() {
        let ids = (0..<1000).map { "M\($0)" }
        let shards = (1...3).map { Shard("\($0)/3")! }
        for id in ids { #expect(shards.filter { $0.contains(memberID: id) }.count == 1) }
        for shard in shards { #expect(ids.filter { shard.contains(memberID: $0) }.count > 250) }
    }

    @Test(arguments: ["0/3", "4/3", "1/0", "x", "1/2/3", "-1/2", ""])
    func badShardSpecsAreRejected(spec: String) { #expect(Shard(spec) == nil) }

    @Test func hashIsStable() {
        // FNV-1a of the empty string is its offset basis; of "a" a known constant.
        #expect(Shard.stableHash("") == 0xcbf2_9ce4_8422_2325)
        #expect(Shard.stableHash("a") == 0xaf63_dc4c_8601_ec8c)
    }
}
