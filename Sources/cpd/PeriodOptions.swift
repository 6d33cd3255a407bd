import ArgumentParser
import CPDKit

/// The flags every checking command shares: which period, the body's options, how dates are written.
struct PeriodOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The body's CPD period that ends in this year (calendar-year bodies: Jan to Dec).", valueName: "YEAR"))
    var period: Int?

    @Option(name: .long, help: ArgumentHelp("Start of a custom period (YYYY-MM-DD, inclusive); use with --to.", valueName: "DATE"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp("End of a custom period (YYYY-MM-DD, inclusive); use with --from.", valueName: "DATE"))
    var to: String?

    @Option(name: .long, help: ArgumentHelp("Your anniversary date, for bodies whose period starts on the member's own date.", valueName: "DATE"))
    var anniversary: String?

    @Option(name: .customLong("option"), help: ArgumentHelp("A body option such as category=practice-1 (repeatable).", valueName: "KEY=VALUE"))
    var bodyOptions: [String] = []

    @Option(name: .long, help: ArgumentHelp("How slash dates are written: dd/mm/yyyy or mm/dd/yyyy (default: settled by the file).", valueName: "FMT"))
    var dateFormat: String?

    func validate() throws {
        if period != nil && (from != nil || to != nil) {
            throw ValidationError("Use either --period or --from/--to, not both.")
        }
        if (from == nil) != (to == nil) {
            throw ValidationError("--from and --to go together.")
        }
        if let dateFormat, DateOrder.parse(dateFormat) == nil {
            throw ValidationError("--date-format takes dd/mm/yyyy or mm/dd/yyyy (or iso, auto), not '\(dateFormat)'.")
        }
        for option in bodyOptions where !option.contains("=") {
            throw ValidationError("--option takes KEY=VALUE, not '\(option)'.")
        }
    }

    var dateOrder: DateOrder { dateFormat.flatMap(DateOrder.parse) ?? .auto }

    func selection() throws -> PeriodSelection {
        if let period { return .year(period) }
        if let from, let to {
            guard let start = CalendarDate(iso: from) else { throw Failure.invalid("error: --from: not a date (YYYY-MM-DD): \(from)") }
            guard let end = CalendarDate(iso: to) else { throw Failure.invalid("error: --to: not a date (YYYY-MM-DD): \(to)") }
            guard start <= end else { throw Failure.invalid("error: --from \(from) is after --to \(to)") }
            return .range(DateRange(start: start, end: end))
        }
        return .unspecified
    }

    func assessOptions() throws -> AssessOptions {
        var options: [String: String] = [:]
        for pair in bodyOptions {
            let parts = pair.split(separator: "=", maxSplits: 1)
            options[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
        }
        var anniversaryDate: CalendarDate?
        if let anniversary {
            guard let date = CalendarDate(iso: anniversary) else { throw Failure.invalid("error: --anniversary: not a date (YYYY-MM-DD): \(anniversary)") }
            anniversaryDate = date
        }
        return AssessOptions(anniversary: anniversaryDate, options: options)
    }
}
