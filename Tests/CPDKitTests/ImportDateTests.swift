import Testing
@testable import CPDKit

@Suite("Import: dates")
struct ImportDateTests {
    private func dates(_ result: ImportResult) -> [String] { result.records.first?.activities.map { $0.date.description } ?? [] }

    @Test("ISO dates, with a time of day or zone taken as written")
    func iso() {
        let r = ImportSupport.csv("date,title,type,hours\n2026-03-14,a,structured,1\n2026-03-14T23:30:00-05:00,b,structured,1\n2026-12-31 09:00,c,structured,1\n")
        #expect(ImportSupport.errors(r).isEmpty)
        #expect(dates(r) == ["2026-03-14", "2026-03-14", "2026-12-31"])
    }

    @Test("the file settles day first when some first field is above 12")
    func dayFirstSettled() {
        let r = ImportSupport.csv("date,title,type,hours\n03/04/2026,a,structured,1\n14/03/2026,b,structured,1\n")
        #expect(ImportSupport.errors(r).isEmpty)
        #expect(dates(r) == ["2026-04-03", "2026-03-14"])
    }

    @Test("the file settles month first when some second field is above 12")
    func monthFirstSettled() {
        let r = ImportSupport.csv("date,title,type,hours\n03/04/2026,a,structured,1\n03/14/2026,b,structured,1\n")
        #expect(ImportSupport.errors(r).isEmpty)
        #expect(dates(r) == ["2026-03-04", "2026-03-14"])
    }

    @Test("the option decides, and DMY/MDY spellings are accepted")
    func option() {
        #expect(DateOrder.parse("DMY") == .dayFirst)
        #expect(DateOrder.parse("mdy") == .monthFirst)
        #expect(DateOrder.parse("dd/mm/yyyy") == .dayFirst)
        #expect(DateOrder.parse("MM/DD/YYYY") == .monthFirst)
        #expect(DateOrder.parse("iso") == .iso)
        #expect(DateOrder.parse("auto") == .auto)
        #expect(DateOrder.parse("sometimes") == nil)
        let text = "date,title,type,hours\n03/04/2026,a,structured,1\n"
        #expect(dates(ImportSupport.csv(text, options: ImportOptions(dateOrder: .dayFirst))) == ["2026-04-03"])
        #expect(dates(ImportSupport.csv(text, options: ImportOptions(dateOrder: .monthFirst))) == ["2026-03-04"])
    }

    @Test("ambiguous slash dates give one error naming the flag")
    func ambiguous() {
        let r = ImportSupport.csv("date,title,type,hours\n03/04/2026,a,structured,1\n05/06/2026,b,structured,1\n07/08/2026,c,structured,1\n")
        let errors = ImportSupport.errors(r)
        #expect(errors.count == 1)
        #expect(errors.first?.contains("log.csv:2: error:") == true)
        #expect(errors.first?.contains("--date-format dd/mm/yyyy or --date-format mm/dd/yyyy") == true)
    }

    @Test("day-first and month-first evidence in one file is an error")
    func conflicting() {
        let r = ImportSupport.csv("date,title,type,hours\n14/03/2026,a,structured,1\n03/14/2026,b,structured,1\n")
        #expect(ImportSupport.errors(r).count == 1)
    }

    @Test("impossible dates are errors on their line, other rows still read")
    func impossible() {
        let r = ImportSupport.csv("date,title,type,hours\n2026-02-30,a,structured,1\n2026-02-28,b,structured,1\n31/02/2026,c,structured,1\n", options: ImportOptions(dateOrder: .dayFirst))
        #expect(ImportSupport.errors(r) == ["log.csv:2: error: date \"2026-02-30\" does not exist",
                                            "log.csv:4: error: date \"31/02/2026\" does not exist"])
        #expect(dates(r) == ["2026-02-28"])
    }

    @Test("end dates use the same order and may not precede the start")
    func endDates() {
        let r = ImportSupport.csv("date,title,type,hours,end\n09/03/2026,a,structured,1,10/03/2026\n13/03/2026,b,structured,1,12/03/2026\n")
        #expect(r.records.first?.activities.first?.endDate?.description == "2026-03-10")
        #expect(ImportSupport.errors(r).count == 1)
    }
}
