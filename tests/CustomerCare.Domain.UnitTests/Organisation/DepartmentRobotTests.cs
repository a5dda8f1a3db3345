using CustomerCare.Domain.Common;
using CustomerCare.Domain.Organisation;

namespace CustomerCare.Domain.UnitTests.Organisation;

public class DepartmentRobotTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    [TestCase("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa",
        "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…5aaa")]
    [TestCase("https://oapi.dingtalk.com/robot/send?access_token=abcdef0123456789&foo=bar",
        "https://oapi.dingtalk.com/robot/send?access_token=…6789&foo=…")]
    [TestCase("https://robot.example/hook", "https://robot.example/hook")]
    public void Mask_HidesEveryQueryValue_ButTheLastFourCharactersOfALongOne(string url, string shown)
    {
        Assert.That(DepartmentRobot.Mask(url), Is.EqualTo(shown));
    }

    [Test]
    public void AWeComRobot_TakesNoSecret_ADingTalkRobotMay()
    {
        var department = Guid.CreateVersion7();
        Assert.Multiple(() =>
        {
            Assert.That(() => DepartmentRobot.Create(department, GroupRobotKind.WeCom, "https://qyapi.weixin.qq.com/x?key=k", "SEC1", Now),
                Throws.TypeOf<DomainException>());
            Assert.That(DepartmentRobot.Create(department, GroupRobotKind.DingTalk, "https://oapi.dingtalk.com/x?access_token=t", "SEC1", Now).Secret,
                Is.EqualTo("SEC1"));
        });
    }
}
