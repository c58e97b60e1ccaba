import Prometheus
import Vapor

/// The platform's Prometheus registry. It is per application, so tests can run many apps in one process.
final class PlatformMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    private let auditSize: Gauge
    private static var requests: MetricNameDescriptor {
        MetricNameDescriptor(namespace: "ix", metricName: "http_requests", unitName: "total",
                             helpText: "HTTP requests by route pattern and status")
    }

    init() {
        auditSize = registry.makeGauge(descriptor: MetricNameDescriptor(
            namespace: "ix", subsystem: "audit_log", metricName: "entries", unitName: "", helpText: "Entries in the audit log"))
    }

    func countRequest(method: String, route: String, status: UInt) {
        registry.makeCounter(descriptor: Self.requests, labels: [("method", method), ("route", route), ("status", String(status))])
            .increment()
    }

    func setAuditSize(_ size: Int) {
        auditSize.set(Double(size))
    }

    func exposition() -> String {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }
}

extension Application {
    private struct MetricsKey: StorageKey { typealias Value = PlatformMetrics }

    var metrics: PlatformMetrics {
        get { storage[MetricsKey.self] ?? PlatformMetrics() }
        set { storage[MetricsKey.self] = newValue }
    }
}
