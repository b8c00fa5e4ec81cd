import { MetricReader, type DataPoint, type MetricData } from '@opentelemetry/sdk-metrics';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import type { TelemetryForTests } from '../../bot/telemetry/telemetry';

/** A metric reader the test collects from when it wants: no timer, no export. */
class CollectingMetricReader extends MetricReader {
  protected override async onShutdown(): Promise<void> {}
  protected override async onForceFlush(): Promise<void> {}
}

/** Spans and metrics kept in memory, for a test to read back what the bot would export. */
export class InMemoryTelemetry {
  readonly spanExporter = new InMemorySpanExporter();
  readonly metricReader = new CollectingMetricReader();

  get options(): TelemetryForTests {
    return { spanExporter: this.spanExporter, metricReader: this.metricReader };
  }

  spans(): ReadableSpan[] {
    return this.spanExporter.getFinishedSpans();
  }

  async metrics(): Promise<MetricData[]> {
    const { resourceMetrics } = await this.metricReader.collect();
    return resourceMetrics.scopeMetrics.flatMap((s) => s.metrics);
  }
}

export function metricNamed(metrics: MetricData[], name: string): MetricData | undefined {
  return metrics.find((m) => m.descriptor.name === name);
}

export function pointsOf(metric: MetricData | undefined): Array<DataPoint<unknown>> {
  return (metric?.dataPoints ?? []) as Array<DataPoint<unknown>>;
}
