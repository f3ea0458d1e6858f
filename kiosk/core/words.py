"""The kiosk's own words in English and Chinese, in one place: what the PIN pad, the staff
panel, the closed screen, a location's page and the usage report say in words of their own
(staff's words are content.yaml's labels). `{name}` marks what is filled in."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # the staff PIN pad
    "pin.title": ("Staff", "工作人员"),
    "pin.enter": ("Enter the staff PIN", "请输入工作人员密码"),
    "pin.checking": ("Checking…", "正在核对…"),
    "pin.clear": ("Clear", "清除"),
    "pin.ok": ("OK", "确定"),
    "pin.cancel": ("Cancel", "取消"),
    "pin.no_pin": ("No staff PIN is set on this kiosk. Set one on its computer with: kiosk "
                   "set-pin", "本机尚未设置工作人员密码。请在电脑上运行 kiosk set-pin 设置。"),
    "pin.damaged": ("This kiosk's settings file is damaged, so the PIN cannot be checked. Fix or "
                    "delete it on its computer, then run: kiosk set-pin",
                    "本机的设置文件已损坏，无法核对密码。"
                    "请在电脑上修复或删除该文件，然后运行 kiosk set-pin。"),
    "pin.wrong": ("Wrong PIN. {tries} more wrong and the pad locks for {minutes} minutes.",
                  "密码错误。再错 {tries} 次将锁定 {minutes} 分钟。"),
    "pin.locked": ("Too many wrong PINs. Try again in {time}.",
                   "错误次数过多。请在 {time} 后重试。"),
    # the staff panel
    "staff.title": ("Staff panel", "工作人员面板"),
    "staff.content": ("Content", "内容"),
    "staff.good": ("In use: {path}, loaded {time}. The last save had no problems.",
                   "正在使用：{path}，载入于 {time}。最近一次保存没有问题。"),
    "staff.bad": ("In use: {path}, loaded {time}. The last save could not be used; the kiosk "
                  "keeps showing the content before it. Fix these and save again:",
                  "正在使用：{path}，载入于 {time}。最近一次保存无法使用，屏幕继续显示之前的内容。"
                  "请修改以下问题后再保存："),
    "staff.usage": ("Today", "今日"),
    "staff.sessions": ("{sessions} visitor sessions, median {minutes} min {seconds} s",
                       "{sessions} 次访问，中位时长 {minutes} 分 {seconds} 秒"),
    "staff.no_sessions": ("No visitor sessions yet today.", "今天还没有访问。"),
    "staff.week": ("The last 7 days: {sessions} visitor sessions, {bounce} left within a tap",
                   "最近7天：{sessions} 次访问，{bounce} 点击不到2次即离开"),
    "staff.reload": ("Reload content", "重新载入内容"),
    "staff.checking": ("Checking the content file…", "正在检查内容文件…"),
    "staff.restart": ("Restart", "重新启动"),
    "staff.exit": ("Exit to desktop", "退出到桌面"),
    "staff.close": ("Close", "关闭"),
    # the closed screen: when it opens again
    "closed.today": ("today", "今天"),
    "closed.tomorrow": ("tomorrow", "明天"),
    "closed.date": ("%d %b", "%m月%d日"),  # strftime's, for a day over a week away
    **{f"closed.day{index}": pair for index, pair in enumerate(zip(
        ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        ("周一", "周二", "周三", "周四", "周五", "周六", "周日"), strict=True))},
    # a location's page: where it lies
    **{f"compass.{index}": pair for index, pair in enumerate(zip(
        ("north", "north-east", "east", "south-east", "south", "south-west", "west",
         "north-west"),
        ("北", "东北", "东", "东南", "南", "西南", "西", "西北"), strict=True))},
    "place.near": ("{name}, {km} km {way}", "{name}，{way}约 {km} 公里"),
    "place.from_headquarters": ("About {km} km {way} of {name}, the headquarters",
                                "距总部{name}约 {km} 公里，位于其{way}方"),
    "place.from_here": ("About {km} km {way} of here ({name})",
                        "距这里（{name}）约 {km} 公里，位于其{way}方"),
    # reading aloud (kiosk/ui/speech_mode.py)
    "speech.on": ("Reading aloud. Touch an item once to hear it, and again to choose it.",
                  "朗读已开启。轻触一次朗读，再次轻触即可选择。"),
    "speech.off": ("Reading aloud is off.", "朗读已关闭。"),
    "speech.button": ("{name}, button", "{name}，按钮"),
    "speech.volume": ("Volume {level} of {levels}", "音量 {level}，共 {levels} 级"),
    # `kiosk report`, the page staff open
    "report.title": ("What visitors did", "访客使用情况"),
    "report.period": ("{first} to {last}", "{first} 至 {last}"),
    "report.sessions": ("Visitor sessions", "访问次数"),
    "report.median": ("Median session", "访问时长中位数"),
    "report.spread": ("half of them {low} to {high}", "一半在 {low} 至 {high} 之间"),
    "report.bounce": ("Bounce (under 2 taps)", "跳出率（少于2次点击）"),
    "report.attract": ("Attract loop brought in", "待机动画吸引访客"),
    "report.attract_of": ("{woken} of {shown} showings", "{shown} 次中 {woken} 次"),
    "report.before": ("the period before: {value}", "上一周期：{value}"),
    "report.per_day": ("Sessions per day", "每日访问次数"),
    "report.week": ("When visitors come: sessions by weekday and hour",
                    "访客何时到来：按星期和小时"),
    "report.most_viewed": ("Most viewed", "浏览最多"),
    "report.longest": ("Longest viewed (minutes in all)", "浏览时间最长（总分钟数）"),
    "report.places": ("Places of the network most opened", "网络中打开最多的地点"),
    "report.languages": ("Languages", "语言"),
    "report.qr": ("QR codes shown, by link", "按链接统计的二维码展示次数"),
    "report.heat": ("Where people tap: {screen}", "点击热图：{screen}"),
    "report.heat_note": ("{taps} taps over the screen as visitors see it",
                         "共 {taps} 次点击，叠加在访客看到的画面上"),
    "report.kiosks": ("Each kiosk", "各台信息屏"),
    "report.kiosk": ("Kiosk", "信息屏"),
    "report.none": ("No visitor sessions in this period.", "此期间没有访问。"),
    "report.days": ("Mon Tue Wed Thu Fri Sat Sun", "周一 周二 周三 周四 周五 周六 周日"),
    "report.made": ("Made by kiosk report on {when}.", "由 kiosk report 生成于 {when}。"),
}


def words(key: str, language: str, **filled: object) -> str:
    """The words called `key` in `language` ("zh", else English), each `{name}` filled in."""
    english, chinese = WORDS[key]
    said = chinese if language == "zh" else english
    for name, value in filled.items():
        said = said.replace(f"{{{name}}}", str(value))
    return said
