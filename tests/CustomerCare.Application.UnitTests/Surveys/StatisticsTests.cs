using CustomerCare.Application.Surveys.Queries.GetSurveyAnalysis;

namespace CustomerCare.Application.UnitTests.Surveys;

/// <summary>The arithmetic the analysis does on the sums PostgreSQL returns, against values computed by hand.</summary>
public sealed class StatisticsTests
{
    [Test]
    public void Moments_GiveTheMeanAndTheSampleStandardDeviation()
    {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, Σd² = 32, sample variance 32/7, SD 2.13809.
        int[] scores = [2, 4, 4, 4, 5, 5, 7, 9];
        var moments = new Moments(scores.Length, scores.Sum(), scores.Sum(s => s * s));
        Assert.Multiple(() =>
        {
            Assert.That(moments.Mean, Is.EqualTo(5.0));
            Assert.That(moments.StandardDeviation, Is.EqualTo(Math.Sqrt(32.0 / 7)).Within(1e-12));
            Assert.That(new Moments(1, 3, 9).StandardDeviation, Is.Null, "one answer has no spread");
            Assert.That(new Moments(0, 0, 0).Mean, Is.Null);
        });
    }

    [Test]
    public void Pearson_MatchesTheHandComputedCorrelation()
    {
        // x = 1, 2, 3, 4, 5 (mean 3); y = 2, 4, 5, 4, 5 (mean 4): dy = −2, 0, 1, 0, 1; Σdx·dy = 6, Σdx² = 10, Σdy² = 6, r = 6 / √60 = 0.7746.
        double[] x = [1, 2, 3, 4, 5];
        double[] y = [2, 4, 5, 4, 5];
        var r = GetSurveyAnalysisQueryHandler.Pearson(5, x.Sum(), y.Sum(), x.Zip(y).Sum(p => p.First * p.Second), x.Sum(v => v * v), y.Sum(v => v * v));
        Assert.That(r, Is.EqualTo(6 / Math.Sqrt(60)).Within(1e-12));
    }

    [Test]
    public void Pearson_IsUndefinedWithoutVarianceOrWithTooFewPairs() =>
        Assert.Multiple(() =>
        {
            Assert.That(GetSurveyAnalysisQueryHandler.Pearson(3, 9, 6, 18, 27, 14), Is.Null, "x is constant (3, 3, 3)");
            Assert.That(GetSurveyAnalysisQueryHandler.Pearson(2, 3, 3, 5, 5, 5), Is.Null, "two points always line up");
        });
}
