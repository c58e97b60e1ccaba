/// IX05, dates on non-working days: the tender's publication or closing date, an active award's date or a contract's
/// signature falls on a weekend (`weekend`, Saturday and Sunday by default) or on a holiday in `holidays`
/// (`2024-12-25|2025-01-01`). Dates are read as written, in their own time zone. The output is the number of such
/// dates.
public struct NonWorkingDayDates: ProcessIndicator {
    public static let code = "IX05"
    public static let settingKeys: [String: SettingKind] = ["holidays": .list, "weekend": .list]
    public static let settingExamples: KeyValuePairs<String, String> = ["holidays": "2024-12-25|2025-01-01", "weekend": "saturday|sunday"]
    static let weekdays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]

    let weekend: Set<Int>
    let holidays: Set<Int>

    public init(_ settings: Settings) {
        let names = settings.list("weekend", in: Self.code) ?? ["saturday", "sunday"]
        weekend = Set(names.compactMap { Self.weekdays.firstIndex(of: $0.lowercased()) })
        holidays = Set((settings.list("holidays", in: Self.code) ?? []).compactMap(Timestamp.day))
    }

    public func read(_ process: ContractingProcess, into results: inout Results) {
        var dates = [process.tender.datePublished, process.tender.tenderPeriodEnd]
        dates += process.awards.filter { $0.status == "active" }.map(\.date)
        dates += process.release.contracts.map(\.dateSigned)
        let count = dates.compactMap { $0?.day }.count { day in
            // 1970-01-01 was a Thursday (4).
            weekend.contains(((day % 7) + 7 + 4) % 7) || holidays.contains(day)
        }
        if count > 0 { results.flag(.ocid, process.ocid, Self.code, Double(count)) }
    }
}
