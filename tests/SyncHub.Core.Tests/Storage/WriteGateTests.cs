using Shouldly;
using SyncHub.Data;

namespace SyncHub.Core.Tests.Storage;

public sealed class WriteGateTests
{
    [Fact]
    public async Task IsHeld_InsideRunAsync_IsTrue()
    {
        var gate = new WriteGate();

        var held = await gate.RunAsync(_ => Task.FromResult(gate.IsHeld), CancellationToken.None);

        held.ShouldBeTrue();
    }

    [Fact]
    public async Task IsHeld_AfterRunAsyncReturns_IsFalse()
    {
        var gate = new WriteGate();

        await gate.RunAsync(_ => Task.CompletedTask, CancellationToken.None);

        gate.IsHeld.ShouldBeFalse();
    }

    [Fact]
    public async Task IsHeld_AfterEnterAsyncInTheSameMethod_IsTrueUntilDisposed()
    {
        var gate = new WriteGate();

        var hold = await gate.EnterAsync(CancellationToken.None);
        var whileHeld = gate.IsHeld;
        hold.Dispose();

        whileHeld.ShouldBeTrue();
        gate.IsHeld.ShouldBeFalse();
    }

    [Fact]
    public async Task IsHeld_NonSerializingGateInsideRunAsync_IsTrue()
    {
        var gate = new WriteGate(serialize: false);

        var held = await gate.RunAsync(_ => Task.FromResult(gate.IsHeld), CancellationToken.None);

        held.ShouldBeTrue();
    }

    [Fact]
    public async Task RunAsync_AnotherFlowHoldsTheGate_WaitsForIt()
    {
        var gate = new WriteGate();
        var first = await Task.Run(() => gate.EnterAsync(CancellationToken.None));

        var second = gate.RunAsync(_ => Task.CompletedTask, CancellationToken.None);
        var waited = !second.IsCompleted;
        first.Dispose();
        await second.WaitAsync(TimeSpan.FromSeconds(10));

        waited.ShouldBeTrue();
    }

    [Fact]
    public async Task RunAsync_FlowAlreadyHoldsTheGate_ThrowsInsteadOfWaitingForItself()
    {
        var gate = new WriteGate();

        var nested = await Should.ThrowAsync<InvalidOperationException>(
            gate.RunAsync(_ => gate.RunAsync(_ => Task.CompletedTask, CancellationToken.None), CancellationToken.None));

        nested.Message.ShouldContain("already holds the write gate");
    }

    [Fact]
    public async Task EnterAsync_CancelledWhileWaiting_LeavesTheFlowNotHolding()
    {
        var gate = new WriteGate();
        var first = await Task.Run(() => gate.EnterAsync(CancellationToken.None));
        using var cancel = new CancellationTokenSource();
        var waiting = gate.EnterAsync(cancel.Token);

        await cancel.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(waiting);
        first.Dispose();

        gate.IsHeld.ShouldBeFalse();
        (await gate.RunAsync(_ => Task.FromResult(gate.IsHeld), CancellationToken.None)).ShouldBeTrue("the gate is free again");
    }

    [Fact]
    public async Task IsLent_WhileAnEnterAsyncHoldIsOut_IsTrueForEveryFlow()
    {
        var gate = new WriteGate();

        var hold = await Task.Run(() => gate.EnterAsync(CancellationToken.None));
        var whileOut = gate.IsLent;
        hold.Dispose();

        whileOut.ShouldBeTrue();
        gate.IsLent.ShouldBeFalse();
        gate.IsHeld.ShouldBeFalse("the hold was taken on another flow");
    }

    [Fact]
    public async Task IsLent_InsideRunAsync_IsFalse()
    {
        var gate = new WriteGate();

        var lent = await gate.RunAsync(_ => Task.FromResult(gate.IsLent), CancellationToken.None);

        lent.ShouldBeFalse();
    }
}
