import { context, metrics, trace, type Meter, type Tracer } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { MeterProvider, type MetricReader } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, SimpleSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { shutdownAzureMonitor, useAzureMonitor } from '@azure/monitor-opentelemetry';

/** Where spans and metrics go: the tracer and meter every instrumented part of the bot uses. */
export interface Telemetry {
  tracer: Tracer;
  meter: Meter;
  /** Flushes what is still buffered; called when the app closes. */
  shutdown(): Promise<void>;
}

/** Tests only, never from the environment: spans and metrics kept in memory to be read back. */
export interface TelemetryForTests {
  spanExporter: SpanExporter;
  metricReader: MetricReader;
}

const SCOPE = 'handle-with-care';

/**
 * Telemetry goes to Azure Monitor when a connection string is configured, to the test's exporter
 * when a test gives one, and nowhere otherwise (undefined: nothing is wrapped or measured).
 */
export function startTelemetry(connectionString: string | undefined, forTests?: TelemetryForTests): Telemetry | undefined {
  if (forTests) return inMemory(forTests);
  // useAzureMonitor throws without a connection string: without one there is simply no telemetry.
  if (!connectionString) return undefined;
  useAzureMonitor({
    azureMonitorExporterOptions: { connectionString },
    // Only the spans this bot makes itself (turn, Teams call, store call): their attributes are
    // chosen and tested to hold no child data. Automatic HTTP and SDK spans would record URLs and
    // headers nobody checked.
    instrumentationOptions: {
      azureSdk: { enabled: false },
      http: { enabled: false },
      mongoDb: { enabled: false },
      mySql: { enabled: false },
      postgreSql: { enabled: false },
      redis: { enabled: false },
      redis4: { enabled: false },
      bunyan: { enabled: false },
      winston: { enabled: false },
    },
    enableLiveMetrics: false,
  });
  return { tracer: trace.getTracer(SCOPE), meter: metrics.getMeter(SCOPE), shutdown: () => shutdownAzureMonitor() };
}

function inMemory({ spanExporter, metricReader }: TelemetryForTests): Telemetry {
  // The active span follows async work (a turn's store calls, the log lines written in it) only
  // with a context manager; in production the Azure Monitor SDK registers the same one.
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spanExporter)] });
  const meterProvider = new MeterProvider({ readers: [metricReader] });
  return {
    tracer: tracerProvider.getTracer(SCOPE),
    meter: meterProvider.getMeter(SCOPE),
    async shutdown() {
      await tracerProvider.shutdown();
      // The test reads its metrics after closing the app: the reader stays open.
    },
  };
}
