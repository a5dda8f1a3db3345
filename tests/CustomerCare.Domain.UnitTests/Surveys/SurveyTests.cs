using CustomerCare.Domain.Common;
using CustomerCare.Domain.Surveys;

namespace CustomerCare.Domain.UnitTests.Surveys;

public sealed class SurveyTemplateTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static SurveyQuestion Overall() => SurveyQuestion.Create("overall", "Overall?", QuestionKind.Score5, null, isOverall: true, required: true);

    [Test]
    public void Revise_WithOtherQuestions_AddsAVersion_AndKeepsTheOldOneAsItWas()
    {
        var template = SurveyTemplate.Create("CSAT", null, [Overall()], Now);
        var added = template.Revise("CSAT", null, [Overall(), SurveyQuestion.Create("speed", "Speed?", QuestionKind.Score5, null, false, false)], Now.AddDays(1));

        Assert.Multiple(() =>
        {
            Assert.That(added, Is.True);
            Assert.That(template.CurrentVersion, Is.EqualTo(2));
            Assert.That(template.Versions.Single(v => v.Number == 1).Questions.Select(q => q.Key), Is.EqualTo(new[] { "overall" }));
            Assert.That(template.Current.Questions.Select(q => q.Key), Is.EqualTo(new[] { "overall", "speed" }));
        });
    }

    [Test]
    public void Revise_WithTheSameQuestions_AddsNoVersion() =>
        Assert.That(SurveyTemplate.Create("CSAT", null, [Overall()], Now).Revise("Renamed", null, [Overall()], Now), Is.False);

    [Test]
    public void Create_WithTwoOverallQuestionsOrRepeatedKeys_IsRefused()
    {
        var second = SurveyQuestion.Create("again", "Overall again?", QuestionKind.Score10, null, isOverall: true, required: false);
        Assert.Multiple(() =>
        {
            Assert.That(() => SurveyTemplate.Create("x", null, [Overall(), second], Now), Throws.TypeOf<DomainException>());
            Assert.That(() => SurveyTemplate.Create("x", null, [Overall(), Overall()], Now), Throws.TypeOf<DomainException>());
            Assert.That(() => SurveyQuestion.Create("c", "Choose", QuestionKind.FreeText, null, isOverall: true, required: false), Throws.TypeOf<DomainException>());
            Assert.That(() => SurveyQuestion.Create("c", "Choose", QuestionKind.SingleChoice, ["only"], false, false), Throws.TypeOf<DomainException>());
        });
    }
}

public sealed class SurveyCampaignTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 31, 9, 0, 0, TimeSpan.Zero);

    private static SurveyCampaign Quarterly() =>
        SurveyCampaign.Create(Guid.NewGuid(), "Q", CampaignSchedule.Quarterly, new CampaignAudience("vip", []), Channel.Email, null, 14, Start, Start);

    [Test]
    public void StartWave_MovesTheScheduleOnByAQuarterFromTheStart()
    {
        var campaign = Quarterly();
        Assert.That(campaign.IsDue(Start.AddSeconds(-1)), Is.False);
        Assert.That(campaign.StartWave(1, Start), Is.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(campaign.NextRunAt, Is.EqualTo(Start.AddMonths(3)), "30 April: the end of the month");
            Assert.That(campaign.OpenWave, Is.EqualTo(1));
            Assert.That(campaign.IsDue(Start.AddMonths(4)), Is.False, "not while a wave is open");
        });

        campaign.CompleteWave(Start);
        Assert.That(campaign.IsDue(Start.AddMonths(3)), Is.True);
    }

    [Test]
    public void StartWave_AfterAlongPause_SkipsTheRunsAlreadyPast()
    {
        var campaign = Quarterly();
        campaign.StartWave(1, Start);
        campaign.CompleteWave(Start);
        var late = Start.AddMonths(10);
        campaign.StartWave(1, late);
        Assert.Multiple(() =>
        {
            Assert.That(campaign.Waves, Is.EqualTo(2), "one wave for the missed runs, not three");
            Assert.That(campaign.NextRunAt, Is.EqualTo(Start.AddMonths(12)));
        });
    }

    [Test]
    public void Once_RunsOnce_AndAStoppedCampaignIsNeverDue()
    {
        var once = SurveyCampaign.Create(Guid.NewGuid(), "O", CampaignSchedule.Once, new CampaignAudience(null, [Guid.NewGuid()]), Channel.Email, null, 14, Start, Start);
        once.StartWave(1, Start);
        once.CompleteWave(Start);
        Assert.That(once.NextRunAt, Is.Null);

        var stopped = Quarterly();
        stopped.Stop(Start);
        Assert.That(stopped.IsDue(Start.AddYears(1)), Is.False);
    }

    [Test]
    public void Create_PostClosureWithAnAudience_OrScheduledWithout_IsRefused() =>
        Assert.Multiple(() =>
        {
            Assert.That(() => SurveyCampaign.Create(Guid.NewGuid(), "x", CampaignSchedule.AfterComplaintClosed, new CampaignAudience("vip", []), Channel.Email, null, 14, null, Start),
                Throws.TypeOf<DomainException>());
            Assert.That(() => SurveyCampaign.Create(Guid.NewGuid(), "x", CampaignSchedule.Yearly, CampaignAudience.None, Channel.Email, null, 14, null, Start),
                Throws.TypeOf<DomainException>());
            Assert.That(() => SurveyCampaign.Create(Guid.NewGuid(), "x", CampaignSchedule.Once, new CampaignAudience("vip", []), Channel.Email, null, 0, null, Start),
                Throws.TypeOf<DomainException>());
        });
}

public sealed class SurveyInvitationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static readonly SurveyQuestion[] Questions =
    [
        SurveyQuestion.Create("overall", "Overall?", QuestionKind.Score5, null, true, true),
        SurveyQuestion.Create("nps", "Recommend?", QuestionKind.Score10, null, false, false),
        SurveyQuestion.Create("via", "Via?", QuestionKind.SingleChoice, ["Phone", "Chat"], false, false),
    ];

    private static SurveyInvitation Invitation()
    {
        var campaign = SurveyCampaign.Create(Guid.NewGuid(), "c", CampaignSchedule.AfterComplaintClosed, CampaignAudience.None, Channel.Email, null, 7, null, Now);
        return SurveyInvitation.Create(campaign, 1, 0, new InvitationSubject(Guid.NewGuid(), "standard"), Now);
    }

    [Test]
    public void Token_IsLongRandomAndStoredOnlyAsItsHashForLookup()
    {
        var a = Invitation();
        var b = Invitation();
        Assert.Multiple(() =>
        {
            Assert.That(a.Token, Has.Length.EqualTo(43));
            Assert.That(a.Token, Is.Not.EqualTo(b.Token));
            Assert.That(a.TokenHash, Is.EqualTo(SurveyInvitation.HashToken(a.Token)).And.Length.EqualTo(64));
            Assert.That(a.ExpiresAt, Is.EqualTo(Now.AddDays(7)));
        });
    }

    [Test]
    public void Answer_Once_ThenRefused_AndNeverAfterExpiry()
    {
        var invitation = Invitation();
        invitation.Answer(Questions, new Dictionary<string, AnswerValue> { ["overall"] = new(4, null, null), ["nps"] = new(0, null, null) }, Now);
        Assert.That(invitation.Answers, Has.Count.EqualTo(2));
        Assert.That(() => invitation.Answer(Questions, new Dictionary<string, AnswerValue> { ["overall"] = new(1, null, null) }, Now),
            Throws.TypeOf<DomainException>().With.Property(nameof(DomainException.Code)).EqualTo("survey.alreadyAnswered"));

        var late = Invitation();
        Assert.That(() => late.Answer(Questions, new Dictionary<string, AnswerValue> { ["overall"] = new(4, null, null) }, Now.AddDays(7)),
            Throws.TypeOf<SurveyExpiredException>());
    }

    [Test]
    public void Answer_ThatDoesNotFitItsQuestion_IsRefusedPerQuestion_AndNothingIsKept()
    {
        var invitation = Invitation();
        var error = Assert.Throws<InvalidAnswersException>(() => invitation.Answer(Questions, new Dictionary<string, AnswerValue>
        {
            ["nps"] = new(11, null, null),
            ["via"] = new(null, "Fax", null),
            ["extra"] = new(1, null, null),
        }, Now));
        Assert.Multiple(() =>
        {
            Assert.That(error!.Errors.Keys, Is.EquivalentTo(new[] { "overall", "nps", "via", "extra" }));
            Assert.That(invitation.Answers, Is.Empty);
            Assert.That(invitation.AnsweredAt, Is.Null);
        });
    }
}
