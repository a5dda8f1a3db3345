using CustomerCare.Application.Complaints.Queries.ListComplaints;
using CustomerCare.Domain.Common;
using CustomerCare.Domain.Complaints;

namespace CustomerCare.Application.UnitTests.Complaints;

/// <summary>Which lists the compiled queries answer; everything else, and anything the query gains later, goes the general way.</summary>
public class CompiledComplaintListsTests
{
    private static readonly Guid Department = Guid.CreateVersion7();

    private static IEnumerable<TestCaseData> Lists()
    {
        yield return new TestCaseData(new ListComplaintsQuery(), true, false).SetName("everything, first page: a queue");
        yield return new TestCaseData(new ListComplaintsQuery { Status = ComplaintStatus.Registered, DepartmentId = Department, PageSize = 20 }, true, false)
            .SetName("a department's registered ones: a queue");
        yield return new TestCaseData(new ListComplaintsQuery { Severity = Severity.Major, KeyCustomer = true, EscalationLevel = 1, Q = "  " }, true, false)
            .SetName("blank text: a queue");
        yield return new TestCaseData(new ListComplaintsQuery { Status = ComplaintStatus.Registered, Page = 2 }, false, false).SetName("a later page");
        yield return new TestCaseData(new ListComplaintsQuery { Sort = ComplaintSort.ReceivedAtAsc }, false, false).SetName("another order");
        yield return new TestCaseData(new ListComplaintsQuery { ReceivedFrom = DateTimeOffset.UnixEpoch }, false, false).SetName("a range");
        yield return new TestCaseData(new ListComplaintsQuery { Sla = SlaFilter.Breached }, false, false).SetName("the SLA filter");
        yield return new TestCaseData(new ListComplaintsQuery { Q = "订单 2026" }, false, true).SetName("a text alone: a search");
        yield return new TestCaseData(new ListComplaintsQuery { Q = "2026", Page = 3, PageSize = 10 }, false, true).SetName("a search's later page");
        yield return new TestCaseData(new ListComplaintsQuery { Q = "2026", Status = ComplaintStatus.Closed }, false, false).SetName("a text with a filter");
        yield return new TestCaseData(new ListComplaintsQuery { Q = "2026", Sort = ComplaintSort.NumberAsc }, false, false).SetName("a text in another order");
    }

    [TestCaseSource(nameof(Lists))]
    public void TheCompiledQueries_AnswerQueuesAndTextAlone(ListComplaintsQuery query, bool queue, bool search) =>
        Assert.Multiple(() =>
        {
            Assert.That(CompiledComplaintLists.IsQueue(query), Is.EqualTo(queue));
            Assert.That(CompiledComplaintLists.IsSearch(query), Is.EqualTo(search));
        });
}
