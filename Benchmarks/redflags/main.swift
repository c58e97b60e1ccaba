// Throughput driver for scripts/bench-redflags: compiled together with Sources/RedFlags as one optimized module,
// so it measures the engine exactly as `integrity redflags indicators` runs it, without building the whole app.
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 4, let threads = Int(arguments[2]) else {
    FileHandle.standardError.write(Data("usage: bench FILE THREADS SETTINGS\n".utf8))
    exit(64)
}
let settings = try Settings.parse(String(contentsOfFile: arguments[3], encoding: .utf8))
let start = DispatchTime.now()
var reader = try LineReader(FileHandle(forReadingAtPath: arguments[1])!)
var run = IndicatorRun(settings: settings)
try run.run(&reader, threads: threads) { _ in }
_ = run.finish()
let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
var usage = rusage()
getrusage(RUSAGE_SELF.rawValue, &usage)
let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
// lines, wall seconds, CPU seconds, peak resident memory in MB
print(run.totals.lines, seconds, cpu, usage.ru_maxrss / 1024)
