/// What the command line tells the importers about the input.
public struct ImportOptions: Sendable {
    /// How to read slash dates (`--date-format`).
    public var dateOrder: DateOrder
    /// A needs CSV (`--needs`): `id, description, priority, target, status`. Read by `LogImporter.load`.
    public var needsFile: String?
    /// The member id to use when the input holds one member (`--member`).
    public var memberID: String?
    /// The member name to use when the input holds one member (`--name`).
    public var memberName: String?

    public init(dateOrder: DateOrder = .auto, needsFile: String? = nil, memberID: String? = nil, memberName: String? = nil) {
        self.dateOrder = dateOrder; self.needsFile = needsFile; self.memberID = memberID; self.memberName = memberName
    }
}
