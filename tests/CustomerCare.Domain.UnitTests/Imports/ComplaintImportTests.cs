using CustomerCare.Domain.Common;
using CustomerCare.Domain.Imports;

namespace CustomerCare.Domain.UnitTests.Imports;

public class ComplaintImportTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    private static ComplaintImportRow Row(int line, ImportRowStatus status) => new(line, $"R-{line}", status, null, null, null);

    [Test]
    public void Batches_AreCountedInOrder_HoldTheJob_AndTheLastOneCompletesItAndDropsTheFile()
    {
        var job = ComplaintImport.Queue(Guid.CreateVersion7(), ComplaintImportFormat.Ndjson, "{…}", 3, Now);
        Assert.That(job.Status, Is.EqualTo(ComplaintImportStatus.Queued));

        job.Start(Now, Lease);
        job.Record([Row(1, ImportRowStatus.Created), Row(2, ImportRowStatus.Error)], Now.AddSeconds(1), Lease);
        Assert.Multiple(() =>
        {
            Assert.That(job.Status, Is.EqualTo(ComplaintImportStatus.Running));
            Assert.That(job.RowsDone, Is.EqualTo(2));
            Assert.That(job.HeldUntil, Is.EqualTo(Now.AddSeconds(1) + Lease), "each batch renews the runner's hold");
            Assert.That(job.File, Is.Not.Null);
        });

        job.Yield(Now.AddSeconds(2));
        Assert.That(job.HeldUntil, Is.Null, "a runner whose turn is over lets any runner take the job");
        job.Start(Now.AddSeconds(3), Lease);
        job.Record([Row(3, ImportRowStatus.Duplicate)], Now.AddSeconds(4), Lease);

        Assert.Multiple(() =>
        {
            Assert.That(job.Status, Is.EqualTo(ComplaintImportStatus.Completed));
            Assert.That((job.Created, job.Duplicates, job.Errors), Is.EqualTo((1, 1, 1)));
            Assert.That(job.StartedAt, Is.EqualTo(Now), "started once, at the first turn");
            Assert.That(job.FinishedAt, Is.EqualTo(Now.AddSeconds(4)));
            Assert.That(job.File, Is.Null, "the file names customers: it goes when the job ends");
            Assert.That(job.HeldUntil, Is.Null);
        });
        var finished = Assert.Throws<DomainException>(() => job.Start(Now.AddSeconds(5), Lease));
        Assert.That(finished!.Code, Is.EqualTo("import.finished"));
    }

    [Test]
    public void SavedRowsForgotten_LeaveTheNextBatchsLinesAlone_AndTheCountsAsTheyWere()
    {
        var job = ComplaintImport.Queue(Guid.CreateVersion7(), ComplaintImportFormat.Ndjson, "{…}", 3, Now);
        job.Start(Now, Lease);
        job.Record([Row(1, ImportRowStatus.Created), Row(2, ImportRowStatus.Duplicate)], Now, Lease);

        job.ForgetSavedRows();
        job.Record([Row(3, ImportRowStatus.Error)], Now.AddSeconds(1), Lease);

        Assert.Multiple(() =>
        {
            Assert.That(job.Rows.Select(r => r.Line), Is.EqualTo(new[] { 3 }), "only the lines recorded since the last save");
            Assert.That((job.RowsDone, job.Created, job.Duplicates, job.Errors), Is.EqualTo((3, 1, 1, 1)));
            Assert.That(job.Status, Is.EqualTo(ComplaintImportStatus.Completed));
        });
    }

    [Test]
    public void MoreRowsThanTheFileHolds_AreRefused_AndAFailedJobKeepsItsCountsButNotItsFile()
    {
        var job = ComplaintImport.Queue(Guid.CreateVersion7(), ComplaintImportFormat.Csv, "a,b", 1, Now);
        job.Start(Now, Lease);
        Assert.That(Assert.Throws<DomainException>(() => job.Record([Row(1, ImportRowStatus.Created), Row(2, ImportRowStatus.Created)], Now, Lease))!.Code,
            Is.EqualTo("import.tooManyRows"));

        job.Abandon("The partner was deactivated.", Now.AddMinutes(1));

        Assert.Multiple(() =>
        {
            Assert.That(job.Status, Is.EqualTo(ComplaintImportStatus.Failed));
            Assert.That(job.Failure, Is.EqualTo("The partner was deactivated."));
            Assert.That(job.File, Is.Null);
            Assert.That(job.RowsDone, Is.Zero);
        });
        Assert.That(ComplaintImport.Queue(Guid.CreateVersion7(), ComplaintImportFormat.Csv, "a,b", 0, Now).Status, Is.EqualTo(ComplaintImportStatus.Completed),
            "a file without rows has nothing to wait for");
    }

    [Test]
    public void FailedTurns_HoldTheJobForALease_AreForgivenByASavedBatch_AndTheLastAllowedOneAbandonsIt()
    {
        var job = ComplaintImport.Queue(Guid.CreateVersion7(), ComplaintImportFormat.Ndjson, "{…}", 3, Now);
        job.Start(Now, Lease);
        job.RecordFailedTurn(3, Now.AddSeconds(1), Lease);
        job.RecordFailedTurn(3, Now.AddSeconds(2), Lease);
        Assert.Multiple(() =>
        {
            Assert.That(job.FailedTurns, Is.EqualTo(2));
            Assert.That(job.Status, Is.EqualTo(ComplaintImportStatus.Running));
            Assert.That(job.HeldUntil, Is.EqualTo(Now.AddSeconds(2) + Lease), "tried again once the lease has passed");
        });

        job.Record([Row(1, ImportRowStatus.Created)], Now.AddSeconds(3), Lease);
        Assert.That(job.FailedTurns, Is.Zero, "only failures in a row count");

        job.RecordFailedTurn(3, Now.AddSeconds(4), Lease);
        job.RecordFailedTurn(3, Now.AddSeconds(5), Lease);
        job.RecordFailedTurn(3, Now.AddSeconds(6), Lease);
        Assert.Multiple(() =>
        {
            Assert.That(job.Status, Is.EqualTo(ComplaintImportStatus.Failed));
            Assert.That(job.Failure, Is.EqualTo("The import was given up after failing again and again with an unexpected error; the rows done so far stay saved."));
            Assert.That(job.RowsDone, Is.EqualTo(1), "the saved batch stays");
            Assert.That(job.File, Is.Null);
            Assert.That(job.HeldUntil, Is.Null);
        });
        Assert.That(Assert.Throws<DomainException>(() => job.RecordFailedTurn(3, Now.AddSeconds(7), Lease))!.Code, Is.EqualTo("import.finished"));
    }
}
