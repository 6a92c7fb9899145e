using System.Text;
using Shouldly;
using SyncHub.Connectors;

namespace SyncHub.Connectors.Tests.Sdk;

public sealed class BoundedBodyTests
{
    [Fact]
    public async Task ReadAsync_BodyUnderLimit_ReadsAll()
    {
        using var content = new StringContent("{\"id\":1}", Encoding.UTF8);

        var body = await BoundedBody.ReadAsync(content, 1024, CancellationToken.None);

        Encoding.UTF8.GetString(body).ShouldBe("{\"id\":1}");
    }

    [Fact]
    public async Task ReadAsync_BodyOverLimit_StopsAtTheLimit()
    {
        using var content = new ByteArrayContent(new byte[100_000]);

        var body = await BoundedBody.ReadAsync(content, 40_000, CancellationToken.None);

        body.Length.ShouldBe(40_000);
    }

    [Fact]
    public async Task ReadAsync_EndlessStream_ReturnsAtTheLimit()
    {
        using var content = new StreamContent(new EndlessStream());

        var body = await BoundedBody.ReadAsync(content, 20_000, CancellationToken.None);

        body.Length.ShouldBe(20_000);
    }

    [Fact]
    public async Task ReadAsync_AnnouncedLengthLongerThanBody_ReturnsWhatArrived()
    {
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("short")));
        content.Headers.ContentLength = 1_000;

        var body = await BoundedBody.ReadAsync(content, 4_000, CancellationToken.None);

        Encoding.UTF8.GetString(body).ShouldBe("short");
    }

    [Fact]
    public async Task ReadAsync_StreamLongerThanAnnounced_StopsAtTheAnnouncedLength()
    {
        using var content = new StreamContent(new EndlessStream());
        content.Headers.ContentLength = 300;

        var body = await BoundedBody.ReadAsync(content, 4_000, CancellationToken.None);

        body.Length.ShouldBe(300);
    }

    [Fact]
    public async Task ReadAsync_AnnouncedLengthOverLimit_StopsAtTheLimit()
    {
        using var content = new StreamContent(new EndlessStream());
        content.Headers.ContentLength = 1_000_000;

        var body = await BoundedBody.ReadAsync(content, 5_000, CancellationToken.None);

        body.Length.ShouldBe(5_000);
    }

    [Fact]
    public async Task ReadAsync_EmptyBody_Empty()
    {
        using var content = new ByteArrayContent([]);

        (await BoundedBody.ReadAsync(content, 10, CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ReadAsync_MaxBelowOne_Throws()
    {
        using var content = new ByteArrayContent([1]);

        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => BoundedBody.ReadAsync(content, 0, CancellationToken.None));
    }

    private sealed class EndlessStream : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)'a', offset, count);
            return count;
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
