using CustomerCare.Application.Complaints;

namespace CustomerCare.Application.UnitTests.Complaints;

/// <summary>
/// Which grams a search sends: a number's digit 4-grams; a Chinese word the trigram indexes cannot serve (no three letters
/// in a row), its bigrams; otherwise none, and the trigram indexes answer (a longer phrase, words, short numbers).
/// </summary>
public class ComplaintGramSearchTests
{
    [TestCase("宽带", "宽带", TestName = "a two-character word: its bigram")]
    [TestCase(" 宽带 退款 ", "宽带 退款", TestName = "two of them: both bigrams")]
    [TestCase("かな", "かな", TestName = "kana")]
    [TestCase("한국", "한국", TestName = "hangul")]
    [TestCase("订单 20261204", "0261 1204 2026 2612 6120", TestName = "digits: their 4-grams, the Chinese beside them left to the substring test")]
    [TestCase("宽带断网", null, TestName = "a phrase of four characters: the trigram indexes")]
    [TestCase("宽带 abc", null, TestName = "beside a word of three letters: the trigram indexes")]
    [TestCase("宽", null, TestName = "one character: nothing to narrow by")]
    [TestCase("宽带12", null, TestName = "CJK and digits in one word of four: the trigram indexes")]
    [TestCase("kettle", null, TestName = "a word: the trigram indexes")]
    [TestCase("１２３４５", null, TestName = "full-width digits: the trigram indexes")]
    public void ASearchSends(string text, string? grams) => Assert.That(ComplaintGramSearch.Grams(text), Is.EqualTo(grams));

    [TestCase("宽带", "宽带", TestName = "a word of two characters: read from its postings")]
    [TestCase(" 北安 ", "北安", TestName = "trimmed: its postings")]
    [TestCase("北安店", null, TestName = "three characters: the trigram indexes")]
    [TestCase("宽带 退款", null, TestName = "two words: the grams' index, which holds both")]
    [TestCase("宽带 退", "宽带", TestName = "a word beside a character: the word's postings (the substring test decides)")]
    [TestCase("1234", null, TestName = "digits: their 4-grams")]
    [TestCase("ab", null, TestName = "letters: the trigram indexes")]
    public void AWordReadFromItsPostings(string text, string? word) => Assert.That(SearchTerms.Of(text).Word, Is.EqualTo(word));

    [TestCase("宽带 20261204")]
    [TestCase("宽带断网，订单号12345。")]
    [TestCase("退款 宽带 かな")]
    public void WhatASearchSends_IsAlwaysSomeOfWhatTheIndexHolds(string text)
    {
        // Texts that send grams: a text that sends none would be a subset of anything.
        var sent = ComplaintGramSearch.Grams(text)?.Split(' ');
        Assert.That(sent, Is.Not.Null.And.Not.Empty);
        Assert.That(sent, Is.SubsetOf(ComplaintGramSearch.Indexed(text)));
    }

    [TestCase("没有人接听", true, TestName = "Chinese: no case")]
    [TestCase("退款 迟迟未到账，订单 12345！", true, TestName = "Chinese with digits, spaces and punctuation")]
    [TestCase("かなカナ 한국어 𠀀𠀁", true, TestName = "kana, hangul and an ideograph beyond the BMP")]
    [TestCase("SF1234 号", false, TestName = "Latin letters have case")]
    [TestCase("ａ号", false, TestName = "a full-width Latin letter has case")]
    [TestCase("Ⓐ号", false, TestName = "a circled letter (a symbol) has case")]
    [TestCase("𐐀", false, TestName = "a Deseret letter beyond the BMP has case")]
    public void WhetherATextHasNoCase(string text, bool caseless) => Assert.That(ComplaintGramSearch.IsCaseless(text), Is.EqualTo(caseless));

    [Test]
    public void NoCharacterLowersToOrFromACaselessOne()
    {
        // What lets a search test the columns as they are: a text holds a caseless text exactly when its lower case does.
        var wrong = new List<string>();
        for (var code = 0; code <= 0x10FFFF; code++)
        {
            if (!System.Text.Rune.IsValid(code))
            {
                continue;
            }

            var rune = new System.Text.Rune(code);
            var lower = System.Text.Rune.ToLowerInvariant(rune);
            var caseless = ComplaintGramSearch.IsCaseless(rune.ToString());
            if ((caseless && lower != rune) || (lower != rune && ComplaintGramSearch.IsCaseless(lower.ToString())))
            {
                wrong.Add($"U+{code:X4}");
            }
        }

        Assert.That(wrong, Is.Empty);
    }
}
