using Microsoft.Extensions.Time.Testing;
using SyncHub.Connectors.Xero;

namespace SyncHub.Connectors.Tests.Xero;

/// <summary>A Xero gateway wired to <see cref="FakeXero"/>, a fake clock, a recording credential store and a capturing log.</summary>
public abstract class XeroTestBase : IDisposable
{
    internal XeroTestBase()
    {
        Xero = new FakeXero();
        Http = new HttpClient(Xero);
        Time = XeroClock.Create();
        Store = new RecordingCredentialStore();
        Logs = new CapturingLoggerFactory();
        Gateway = new XeroGateway(new ConnectorServices(Http, Time, Logs) { Credentials = Store });
    }

    internal FakeXero Xero { get; }

    internal HttpClient Http { get; }

    internal FakeTimeProvider Time { get; }

    internal RecordingCredentialStore Store { get; }

    internal CapturingLoggerFactory Logs { get; }

    internal XeroGateway Gateway { get; }

    public void Dispose()
    {
        Http.Dispose();
        GC.SuppressFinalize(this);
    }
}
