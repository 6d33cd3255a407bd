import CPDData
import CPDKit
import Foundation

/// The layouts built into cpd (`Layouts/*.yaml`, embedded at build time) and a user's own layout files.
public enum LayoutCatalog {
    /// The default layout's name.
    public static let defaultName = "formal"

    /// Built-in layout names, sorted, without `.yaml`.
    public static var builtinNames: [String] {
        EmbeddedData.layouts.keys.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// A built-in layout by name (`formal`), or a user's layout file by path.
    /// - Throws: `LayoutError` naming the file and line of the first mistake, or listing the built-in names.
    public static func layout(_ nameOrPath: String = defaultName) throws -> LayoutSpec {
        if let text = EmbeddedData.layouts[nameOrPath + ".yaml"] {
            return try parse(yaml: text, file: "Layouts/\(nameOrPath).yaml")
        }
        let looksLikePath = nameOrPath.contains("/") || nameOrPath.hasSuffix(".yaml") || nameOrPath.hasSuffix(".yml")
        guard looksLikePath || FileManager.default.fileExists(atPath: nameOrPath) else {
            throw LayoutError(file: nameOrPath, message: "no built-in layout named '\(nameOrPath)' (built in: \(builtinNames.joined(separator: ", ")); or give a path to a .yaml file)")
        }
        if let problem = UserDataFile.problem(nameOrPath) { throw LayoutError(file: nameOrPath, message: problem) }
        guard let data = FileManager.default.contents(atPath: nameOrPath) else {
            throw LayoutError(file: nameOrPath, message: "cannot read the layout file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LayoutError(file: nameOrPath, message: "the layout file is not UTF-8 text")
        }
        return try parse(yaml: text, file: nameOrPath)
    }

    /// Parses layout YAML; `file` is used in error messages and, without its extension, as the default name.
    public static func parse(yaml: String, file: String) throws -> LayoutSpec {
        let base = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        return try LayoutParser(reader: YAMLReader(file: file), name: base).parse(yaml)
    }
}
