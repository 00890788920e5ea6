"""Boilerplate rules as data: what each matches, in which language, and why.

A rule removes a line only when the *whole* line matches (``fullmatch``), so
an article sentence that merely mentions cookies, or starts "Submitted to
parliament…", stays.  Codes are stable and never reused; retire a code by
deleting its rule, never by giving the code to another rule.

Codes:
  C1xx consent and cookie notices       C5xx comment-form chrome
  C2xx navigation: skip links, menus    C6xx copyright and legal footers
  C3xx share, like and related rows     C7xx account, "read more", counters
  C4xx adverts and newsletter sign-ups  C8xx structural signals (repeats, menu runs)
  C9xx lines that became metadata or structure (bylines, comment headers)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_RULE_LENGTH = 400  # longer lines are boilerplate only by a LONG_CODES rule
MAX_LONG_RULE_LENGTH = 1300
LONG_CODES = ("C101", "C106", "C405", "C605")  # consent and legal texts run long


@dataclass(frozen=True)
class Rule:
    code: str
    pattern: re.Pattern[str]
    language: str  # "en", "ru", "kk" or "*" (symbols, any language)
    reason: str


def _rule(code: str, language: str, reason: str, pattern: str) -> Rule:
    return Rule(code, re.compile(pattern, re.I), language, reason)


_SOCIAL = (
    r"twitter|facebook|tweet|whatsapp|telegram|vk|vkontakte|вконтакте|одноклассники|ok|"
    r"pinterest|linkedin|reddit|email|e-mail|print|copy link|mastodon|bluesky|threads|"
    r"instagram|youtube|rss|tumblr|pocket|flipboard|viber|skype|messenger|x|мой мир|"
    r"livejournal|живой журнал|telegram-канал|дзен|яндекс\.?дзен|gab|gettr|mail|houzz|yelp|google|"
    r"google\+|stumbleupon|digg|xing|weibo|wechat|snapchat|tiktok|discord|twitch|x-twitter|sms|"
    r"copy url|hacker news|hackernews|buffer|mix|quora|share|pin it|pin"
)
_LEGAL = (
    r"terms(?: of (?:use|service))?|terms (?:&|and) conditions|privacy(?: policy| notice|"
    r" settings)?|cookie policy|cookies? settings|legal(?: notice)?|imprint|impressum|"
    r"disclaimer|accessibility(?: statement)?|sitemap|site map|contact(?: us)?|about(?: us)?|"
    r"политика конфиденциальности|пользовательское соглашение|правила (?:сайта|пользования)|"
    r"условия использования|карта сайта|контакты|о нас|о проекте"
)
_SEP = r"\s*[|•·,/–—-]?\s*"
_CTA = (
    r"get started(?: (?:now|today|for free|free))?|learn more(?: about us)?|try (?:it )?"
    r"(?:for )?free(?: today| now)?|start (?:your )?free trial|(?:book|request|schedule)"
    r" a (?:free )?(?:demo|call|consultation)|start now|(?:sign|join) up (?:now|free|today)"
    r"|get (?:a )?(?:free )?quote|contact sales|talk to (?:sales|us|an expert)|shop now"
    r"|buy now|see it|check (?:the )?(?:latest )?price(?: at| on)? ?[^|•·]{0,30}"
    r"|view (?:deal|offer|price)s?|get (?:the )?app|download (?:the )?app|(?:try|start) for free"
    r"|get in touch(?: with us)?|apply now|ready for more\?|see (?:pricing|plans)|download now"
    r"|request (?:more )?information|make a gift|donate now"
    r"|try (?!it\b|this\b|these\b|that\b|them\b)[\w&' .-]{1,30}?(?: (?:for )?free| now| today)"
    r"(?: for \d+ days)?"
    r"|(?:book|schedule|request) (?:a |your )?(?:free )?(?:demo|consultation|appointment|call)"
    r"(?: with [\w&' .-]{1,30}| now| today)?|(?:start|begin) (?:a |your )?free trial"
    r"|\d+[- ]day free trial(?:, no credit card required)?|no credit card (?:required|needed)"
    r"|get a (?:free )?quote(?: from [\w&' .-]{1,30}| today| now)?"
    r"(?: \(?\d{3}\)?[ .-]?\d{3}[.-]\d{4})?"
    r"|get in touch(?: now| today)|register now|sign up for free"
)

RULES: tuple[Rule, ...] = (
    _rule("C101", "en", "cookie notice",
          r"(?:this|our) (?:web ?site|site|page|portal)s? (?:uses|use|is using) cookies\b"
          r"(?=.{0,300}(?:experience|preference|find out more|learn more|more info|agree|accept"
          r"|consent|continu|privacy|policy|brows|analy|improve|personali|best|settings)).*"
          r"|we (?:use|and our partners use) cookies\b(?=.{0,300}(?:experience|preference|"
          r"find out|learn more|agree|accept|consent|continu|privacy|policy|brows|analy|improve"
          r"|personali|best|settings|ads|advert)).*"),
    _rule("C102", "en", "consent notice (agreeing by using the site)",
          r"by (?:continuing to (?:use|browse)|using|browsing) (?:this|our) (?:web ?site|site)s?"
          r",? you (?:agree|consent|accept)\b.*"),
    _rule("C103", "en", "cookie or consent button",
          r"(?:accept|allow|reject|decline|deny)(?: all| necessary| selected)?(?: cookies)?"
          r"|cookie (?:settings|preferences|policy|notice)|manage (?:cookies|consent|preferences"
          r"|options)|got it!?|i agree|ok|agree(?: and close)?|more info(?:rmation)?"
          r"|(?:we|this site) (?:care about|values?) your privacy\b.{0,200}"),
    _rule("C104", "ru", "cookie notice",
          r"(?:(?:этот |наш )?сайт использует|мы используем) (?:файлы )?(?:cookies?|куки)\b"
          r"(?=.{0,300}(?:соглас|подробн|политик|улучш|удобн|аналит|продолжая|работ)).*"
          r"|продолжая (?:использовать|пользоваться|просмотр)\S* .{0,60}сайт.{0,200}"
          r"(?:соглашаетесь|согласие|соглашаешься).*"
          r"|принять(?: все)?(?: cookies?| куки)?|согласен|понятно|принимаю|хорошо|закрыть"),
    _rule("C105", "en", "consent panel label (cookie categories and privacy choices)",
          r"privacy preference cent(?:er|re)|manage consent preferences|(?:strictly necessary"
          r"|performance|functional|targeting|analytics(?:/performance)?|advertising|marketing"
          r"|social media|statistics|preference) cookies(?: and pixel tracking)?|always active"
          r"|cookie list|do not sell(?: or share)? my personal information:?"
          r"|your privacy choices"),
    _rule("C106", "en", "cookie consent panel text (cookie categories and what they do)",
          r"(?:(?:strictly |absolutely )?necessary|non-necessary|functional|performance"
          r"|analytic(?:al|s)|advertisement|advertising|marketing|targeting"
          r"|other(?: uncategorized)?|preference"
          r"|statistics?|third-party|essential|these|some of these|any|the|such|this|our)"
          r" cookies? (?:are|is|help|helps|allow|enable|ensure|collect|track|may|will|do|does"
          r"|store|stores|used|set|that)\b(?=.{0,400}(?:website|site|browser|consent|visitor"
          r"|user|function|your)).{0,1200}"
          r"|this website uses cookies to improve your experience\b.{0,1200}"
          r"|we also use third-party cookies\b.{0,1200}"
          r"|privacy overview|always enabled|(?:strictly )?necessary|non-necessary"
          r"|save (?:&|and) accept"
          r"|cookie settings ?accept(?: all)?|accept all cookies|reject all cookies"
          r"|cookie\s+duration\s+description"
          r"|[\w.\-]{2,60}\t+(?:\d+ (?:months?|years?|days?|hours?|minutes?)|session|persistent"
          r"|past|never)\t+(?=.{0,300}cookie).{0,600}"),
    _rule("C201", "*", "skip link",
          r"skip to (?:the )?(?:main )?(?:content|navigation|menu|footer|search|primary sidebar)"
          r"|(?:click to )?skip (?:the )?navigation(?: bar)?"
          r"|jump to (?:content|navigation)|перейти к (?:основному )?(?:содержимому|содержанию"
          r"|контенту)|пропустить навигацию"),
    _rule("C205", "*", "table-of-contents header",
          r"(?:table of )?contents:?(?:\s?(?:[▼▲▾▸]|\[?(?:show|hide|toggle)\]?))?"
          r"|in this (?:article|post|guide|story):?|on this page:?"
          r"|jump to(?: section)?:?|quick links:?|содержание:?|оглавление:?"),
    _rule("C202", "*", "menu item",
          r"(?:main |primary |mobile |site )?(?:menu|navigation)|toggle (?:navigation|menu)"
          r"|(?:open|close) menu|menu toggle|toggle"
          r"|accessibility (?:menu|tools|options)|search(?: for)?:?"
          r"|search …|search\.\.\.|what are you looking for\??|home|donate"
          r"|меню|главная|поиск|навигация|(?:главное )?меню сайта|найти"),
    _rule("C203", "*", "breadcrumb trail",
          r"(?:home|главная|start|index)\s*(?:[»›>/|→]|::).{0,300}"
          r"|[^»›\n]{1,60}(?:\s[»›]\s[^»›\n]{1,60}){2,8}\s?[»›]?"),
    _rule("C204", "*", "pagination or post navigation",
          r"[«‹<←]?\s*(?:previous|next|older|newer)(?: (?:post|article|page|entry|story|posts"
          r"|entries|thread|topic))?\s*[»›>→]?|page \d+ of \d+"
          r"|pages:\s?(?:\d+\s?){2,}(?:next\s?[»›>→]?)?|post navigation|back to (?:blog"
          r"|news|articles|all \w+|the blog|top of page)|jump to latest"
          r"|[«‹←]?\s*(?:предыдущая|следующая)"
          r"(?: (?:статья|запись|страница|новость))?\s*[»›→]?"),
    _rule("C301", "*", "share or social-media row",
          r"(?:share|поделиться|рассказать друзьям)(?: (?:this|it|the)(?: article| post| story"
          r"| page)?)?(?: (?:on|via|в|with|by) [\w.\- ]{1,30})?"
          r"(?: \(opens in (?:a )?new (?:window|tab)\)(?: [\w.]+)?)?\s*:?"
          rf"|(?:(?:share on |поделиться в )?(?:{_SOCIAL})(?: \d+)?{_SEP}){{1,14}}"
          r"|click to (?:share|print|email)[^()\n]{0,40}(?: \(opens in new window\))?(?: [\w.]+)?"
          r"|(?:отправить|распечатать|печать|твитнуть|бөлісу)"),
    _rule("C304", "en", "author box header",
          r"about the authors?:?(?:\s.{0,800})?|author bio(?:graphy)?:?|meet the authors?:?"
          r"|more (?:from|by) (?:this|the) author:?|other posts by .{1,40}"
          r"|view all posts by .{1,60}|(?:view|read|see) all (?:articles|stories) by .{1,60}"
          r"|view all articles by this author|author['’]s profile"
          r"|read more (?:by|from) [A-Z][\w.'’ -]{1,40}\s?>?"
          r"|full bio|view (?:author )?(?:page|profile)"),
    _rule("C305", "*", "follow-us row",
          r"follow us(?: on)?[:!]?(?: .{0,80})?|connect with us:?|find us on:?|follow me(?: on)?:?"
          r"|(?:join|follow) (?:us|the conversation) on (?:social media|\w+)[.!]?"
          r"|share (?:this )?(?:article|post|story|page|recipe|video|content):?|copied!?"
          r"|copy link|link copied!?|copied to clipboard!?|summarize with ai:?"),
    _rule("C302", "*", "like button",
          r"like this:?|like(?: loading)?(?:\.{3}|…)?|loading(?:\.{3}|…)|\d+ likes?|нравится"
          r"|мне нравится|be the first to like this\.?|\d+ (?:bloggers|people) like this\.?"),
    _rule("C303", "*", "related-content teaser header",
          r"related(?: posts| articles| stories| content| reading| news| items)?:?"
          r"|you (?:may|might) (?:also )?(?:like|enjoy|be interested in):?|see also:?"
          r"|read (?:also|next):?|more (?:stories|articles|news|from \S+(?: \S+)?):?"
          r"|читайте также:?|смотрите также:?|похожие (?:статьи|записи|материалы|новости):?"
          r"|(?:ещё |еще )?по теме:?|популярное|most (?:read|popular|viewed)|trending(?: now)?"
          r"|recommended(?: for you)?|latest(?: news| posts| articles)?|recent (?:posts|comments)"
          r"|последние (?:новости|записи|комментарии)|свежие записи|архивы|archives"
          r"|(?:recent|latest|related|featured|trending|top|similar|more) (?:articles|posts"
          r"|stories|news|questions|threads|topics|guides|reads|videos|resources|content):?"
          r"|popular (?:articles|stories|news|questions|threads|guides|reads|videos):?"
          r"|explore (?:related articles|more(?: articles| posts| stories)?):?"
          r"|you may (?:also )?like to read:?|more like this|editor'?s picks|don'?t miss(?: out)?:?"
          r"|top stories|up next|what to read next|see similar questions with these tags\.?"
          r"|read this next|hot network questions"
          r"|(?:popular|recent|trending) (?:now|this week|today)"
          r"|also (?:in the news|of interest)|more on(?: this(?: topic| story)?)?:?"
          r"|browse related:?|you(?:'ll| will| may| might) also love(?:\.{3}|…)?"
          r"|you may (?:also )?be interested in the following(?: \w+)?(?: as well)?:?"),
    _rule("C306", "en", "related-content teaser header",
          r"(?:[\w'’]+ ){0,3}(?:related|recommended|recommend|more|other|latest|recent"
          r"|trending|similar|newest|top|featured|further|explore|browse|keep exploring)"
          r"(?: [\w'’]+){0,3} (?:articles?|posts?|stories|reads|reading|news|blogs?|insights"
          r"|pages|guides|resources|topics?|content|this topic)(?: [\w'’]+){0,5}[:.!?…]*"
          r"|(?:[\w'’]+ ){0,5}you (?:may|might|will|could) (?:also )?(?:like|love|enjoy|check|be"
          r" interested in|find(?: \w+)? (?:interesting|useful|helpful))(?: [\w'’]+){0,6}[:.!?…]*"),
    _rule("C401", "*", "advertisement marker",
          r"advertisement|advertising|sponsored(?: content)?|ad|реклама|партн[её]рский материал"
          r"|(?:advertisement\s?[-–—]\s?)?(?:scroll to continue(?: with content)?"
          r"|continue reading below|members don'?t see this ad)|на правах рекламы"
          r"|(?:learn more about )?(?:our )?advertis(?:ing|er) disclosure"),
    _rule("C407", "en", "affiliate or shop button",
          r"(?:\S+ ){0,5}(?-i:Links [Tt]o) [^\s:.!?][^:!?]{0,40}"
          r"|item added to (?:your )?cart|view cart|your cart is empty"
          r"|best prices? today:?|price comparison from (?:over [\d,.]+ stores worldwide|\S.{0,40})"
          r"|compare:|see the rating\.?|check (?:their|our) (?:rates|prices?) and availability"),
    _rule("C409", "en", "affiliate disclosure",
          r"(?!no affiliate)(?=[^\t]{20,350}$)(?=.{0,300}\b(?:links?|purchas\w*|buy\w*|click\w*"
          r"|partners?|providers?|subscri\w*|affiliates?"
          r"|associates?)\b)(?=.{0,300}\b(?:(?:contains?|uses?|includes?)"
          r" (?:some )?affiliate links|commissions?|reader-supported|learner-supported"
          r"|qualifying purchases)\b)(?=.{0,300}\b(?:we|i|us|our|my|this (?:post|article|page"
          r"|site|podcast|website|blog))\b).+|advertiser disclosure:?"),
    _rule("C307", "en", "inline link to a related article",
          r"related\s?:\s?[^\t]{5,160}"),
    _rule("C408", "*", "embedded social-media post chrome",
          r"view (?:this|the) post on (?:instagram|tiktok|x|twitter|facebook|threads)"
          r"|a post shared by .{1,80}\(@[\w.]+\)"),
    _rule("C206", "en", "government site banner",
          r"an official website of the .{1,60}? government|here[’']s how you know"
          r"|official websites use \.gov|secure \.gov websites use https\.?"
          r"|a \.gov website belongs to an official government organization\b.{0,60}"
          r"|a lock \(\s?\) or https:// means you[’']ve safely connected to the \.gov"
          r" website\b.{0,120}"),
    _rule("C410", "en", "shop banner: a free-shipping offer",
          r"(?:score )?free (?:standard |express )?shipping on (?:qualifying |all )?orders\b"
          r"[^.!]{0,60}[.!]?(?: for more information on shipping\b.{0,120})?"),
    _rule("C402", "*", "newsletter sign-up",
          r"(?:subscribe|sign up|join)(?: (?:to|for))? (?:our|the) (?:free )?(?:newsletter|mailing"
          r" list|e-?mail list|updates|weekly\b).{0,200}|subscribe(?: now| here| today)?!?"
          r"|newsletter"
          r"|get (?:our|the) newsletter.{0,100}|enter your e-?mail(?: address)?.{0,80}"
          r"|(?:your )?e-?mail address:?\*?|подпишитесь(?: на .{0,100})?"
          r"|подписаться(?: на .{0,80})?"
          r"|рассылка|subscribe to (?:our )?(?:channel|telegram|rss)\S*.{0,60}"
          r"|subscribe to (?:our|this|the) (?:blog|site|podcast|feed)\b.{0,120}"
          r"|(?:sign up|subscribe|register)(?: for| to)? (?:our |the |a )?(?:free )?"
          r"(?:e-?mail |weekly |daily )?(?:newsletters?|updates|alerts|digest)\b.{0,120}"
          r"|subscribe to (?:get|receive) .{1,120}"
          r"|sign up (?:now |today )?(?:for|to) (?:receive |get )?(?:our |the |a )?[^.?!]{0,40}?"
          r"(?:e-?newsletters?|newsletters?|e-?mails?|updates|digest)\b.{0,140}"
          r"|thanks for reading [^!.]{1,60}[!.]"
          r" (?:this post is public|subscribe for free)\b.{0,150}"),
    _rule("C406", "en", "newsletter pitch",
          r".{0,100}\b(?:to|in|into|hit) your inbox(?:es)?\b.{0,80}"
          r"|(?:(?:be|stay) (?:the first to know|in the know|up to date|updated|informed|connected"
          r"|current)|don'?t miss (?:a|an|out)|never miss (?:a|an)|join (?:over |more than )?"
          r"[\d,.]+k?\+? (?:subscribers|readers|others|people|members))\b.{0,150}"),
    _rule("C403", "en", "web-form message",
          r"oops!? something went wrong(?: while submitting the form)?\.?"
          r"|thank you!? your submission has been received!?"
          r"|this field is for validation purposes and should be left unchanged\.?"
          r"|this site is protected by recaptcha\b.{0,200}"
          r"|(?:thank you|thanks) for (?:subscribing|signing up|your submission)\b.{0,100}"
          r"|no items found\.?"
          r"|\*? ?(?:indicates )?(?:an? )?required(?: fields?)?\.?"),
    _rule("C404", "en", "feedback or rating widget",
          r"(?:was|is) this (?:article|page|post|content|information|answer|guide) (?:helpful"
          r"|useful)\??.{0,40}|did you find this (?:content|article|page|post|guide) (?:helpful"
          r"|useful)\??|how (?:useful|helpful) was this (?:post|article|page|guide)\??"
          r"|click on a star to rate it!?|(?:thank you|thanks) for your feedback!?.{0,60}"
          r"|rate this (?:article|post|recipe|page):?|no votes so far!?.{0,60}"
          r"|average rating:? [\d.]+ ?/ ?[\d.]+\.?(?: vote count:? \d+)?"),
    _rule("C405", "en", "form consent small print",
          r"by (?:submitting|signing up|subscribing|entering your e-?mail(?: address)?|clicking"
          r"|continuing|registering|providing)\b.{0,300}\b(?:agree|consent(?:ing)?|authori[sz]e"
          r"|acknowledge|accept)\b.{0,900}|terms of submitting this form:.{0,900}"),
    _rule("C501", "en", "comment-form chrome",
          r"leave a (?:reply|comment|response)(?: to .{0,150}?)?(?: cancel reply)?|cancel reply"
          r"|post (?:a )?comment"
          r"|submit(?: comment)?|add (?:a )?(?:new )?comment|write a comment|join the discussion"
          r"|your email address will not be published\.?(?: required fields are marked \*?\.?)?"
          r"|required fields are marked \*?\.?|(?:comment|name|email|e-mail|website|url)\s?\*?:?"
          r"|save my name,? email,? and website in this browser for the next time i comment\.?"
          r"|notify me of (?:follow-up comments|new posts|new comments) (?:by|via) e-?mail\.?"
          r"|comments are closed\.?|log ?in or register to post comments|log ?in to (?:reply|post"
          r" comments|comment)|login to reply|you must be (?:logged in|registered) to post a"
          r" comment\.?|reply(?: ↓| →)?|report(?: comment| abuse)?|permalink|flag|edit"
          r"|\d+ (?:comments?|replies|responses)|no comments(?: yet)?\.?|one comment"
          r"|be the first to comment\.?|comments? \(\d+\)|show comments|view comments"
          r"|this site uses akismet to reduce spam\..{0,120}"
          r"|(?:you must )?log ?in or register to (?:reply|post|comment)(?: here)?\.?"
          r"|you must (?:log ?in|sign in|be logged in) to (?:answer|reply|comment|post)\b.{0,40}"
          r"|add a comment\s*\|?|reply to this"
          r"(?: parent| comment)?(?: share)?|reply to comment|(?:report|quote|reply) (?:post|reply)"
          r"|load all comments|show (?:more|all|\d+ more) (?:comments|replies)"
          r"|improve this (?:question|answer|post)|reader interactions"
          r"|you need to be a member in order to leave a comment"
          r"|sign up to request clarification or add additional context in comments\.?"
          r"|loading comments(?:\.{3}|…)?"
          r"|(?:sort(?: by)?:? ?)?(?:(?:oldest|newest|best|top|latest|controversial"
          r"|most (?:reactions|liked|votes|recent))(?: first)?\s?){2,5}"),
    _rule("C502", "ru", "comment-form chrome",
          r"ответить|оставить комментарий|оставьте комментарий|добавить комментарий"
          r"|написать комментарий|отправить комментарий|отменить ответ"
          r"|ваш (?:адрес )?(?:e-?mail|email|электронной почты) не будет опубликован\.?.{0,120}"
          r"|обязательные поля помечены \*?\.?|(?:имя|комментарий|сайт|e-mail|почта)\s?\*?:?"
          r"|комментарии закрыты\.?|комментариев (?:нет|пока нет)\.?|пожаловаться"
          r"|войдите,? чтобы (?:оставить|написать) комментарий\.?|\d+ комментари(?:й|я|ев)"),
    _rule("C601", "*", "copyright line",
          r"(?:©|\(c\)|copyright|copr\.|℗)\s?.{0,250}|(?:\S+\s){0,10}©(?:\s\S+){0,12}"
          r"|(?:\S+\s){0,10}©\s?\d{4}\b.{0,200}\b(?:licen[cs]ed?|rights|inc\b|ltd\b"
          r"|llc\b).{0,100}"),
    _rule("C602", "*", "rights-reserved footer",
          r".{0,200}\ball rights reserved\b.{0,150}|.{0,200}все права защищены.{0,150}"
          r"|.{0,150}перепечатка .{0,60}(?:запрещена|разрешена|только с).{0,150}"),
    _rule("C605", "en", "legal notice (not-advice disclaimer, licence, trademark, charity number)",
          r"(?:(?:legal |medical |important )?disclaimer\s?:\s?)?(?:(?:the |all )?(?:information"
          r"|content|materials?)(?: and (?:content|information|materials))?(?: (?:provided"
          r"|contained"
          r"|included|published|presented|found|shared))? (?:on|in|here|herein"
          r"|throughout)\b.{0,80}?"
          r" (?:is|are|does|do) (?:not|for|intended|designed|provided|meant)\b.{0,200}?"
          r"\b(?:advice|purposes?|substitute|replace)\b.{0,900}"
          r"|(?:this|the) (?:article|content|post|blog(?: post)?|material|information|page|site"
          r"|website|video|episode)(?: above)? (?:is|are) (?:provided )?(?:only )?(?:for"
          r"|intended for"
          r"|meant for) (?:general )?(?:informational|information|educational|entertainment)"
          r"(?: (?:and|or) (?:educational|informational|entertainment))? purposes\b.{0,900})"
          r"|.{0,120}\bis a registered charity\b.{0,400}|registered (?:office|in england)\b.{0,300}"
          r"|.{0,200}\b(?:are|is a|are the) (?:registered )?trademarks? (?:of|owned by)\b.{0,300}"
          r"|(?:this|the) (?:work|article|post|content|story) is (?:licensed|distributed|published)"
          r" under (?:a |the )?(?:creative commons|cc[ -]by)\b.{0,300}"
          r"|(?:this|the)(?: work| article| post"
          r"| content)? is an open[- ]access article distributed"
          r" under\b.{0,300}"
          r"|(?:i|we) respect your privacy\b.{0,200}"
          r"|by (?:checking out|completing this form|utilizing|using this (?:site|website)"
          r"|placing an order)\b.{0,200}\b(?:agree|consent|confirm|accept)\b.{0,300}"),
    _rule("C603", "*", "legal or footer links",
          rf"(?:(?:{_LEGAL}){_SEP}){{1,10}}"),
    _rule("C604", "*", "site footer credit or back-to-top link",
          r"(?:proudly )?powered by .{1,60}|(?:wordpress )?theme(?: by|:) .{1,80}"
          r"|back to top|scroll to top|to top|наверх|вверх|↑"),
    _rule("C701", "*", "read-more or load-more link",
          r"(?:read more(?: »| ›|…|\.\.\.|:)?\s?){1,2}|continue reading.{0,120}|keep reading"
          r"|read the (?:full|rest of the) (?:article|story).{0,40}"
          r"|читать (?:далее|дальше|полностью)|подробнее|далее"
          r"|show more|load more|view more|see more|more(?:\.\.\.|…)|…|\.\.\.|view all|see all"
          r"|show (?:\d+ )?(?:more|less|fewer)(?: \w+)?\s?[▼▲▾▴]?"
          r"|show full [\w ]{1,40} details\s?[▼▲▾▴]?(?:\s?hide full [\w ]{1,40}"
          r" details\s?[▼▲▾▴]?)?"),
    _rule("C706", "en", "call-to-action button",
          rf"(?:{_CTA})(?:\s?[|•·]?\s?(?:{_CTA})){{0,3}}[.!]?"),
    _rule("C707", "en", "forum member card or post statistics",
          r"(?:\d[\d,.]*k?)?(?:\d[\d,.]*k?\s?(?:gold|silver|bronze) badges?\s?){1,3}|\d[\d,.]*k?\s?"
          r"(?:posts?|messages?|reactions?|points|reputation)\s?[·•|]?\s?joined:? .{0,20}"
          r"|joined:? (?:[a-z]{3,9} \d{1,2}, )?(?:[a-z]{3,9} )?\d{4}|last edited:? .{0,40}"
          r"|(?:messages|reactions?|reaction score|points|posts|solutions|likes received):?"
          r" [\d,.]+k?|(?:messages|reaction score|likes received|trophy points|best answers):"
          r"|(?:threads|reputation):\s?[\d,.]+k?|\d+ answers? \d+"
          r"|(?:sorted by:\s?)?reset to default"

          r"|(?:original poster|op|moderator|administrator|staff member|new member"
          r"|well-known member|active member|registered user|junior member|senior member"
          r"|community member)"),
    _rule("C708", "en", "quote expander in a forum post",
          r"click to (?:expand|shrink)(?:\.{3}|…)?"),
    _rule("C709", "*", "quote header in a forum post (a reply quoting an earlier post)",
          r"(?:on )?[^,\n]{1,40}?\b(?:ago|\d{4}|[ap]\.?m\.?)\s?,\s?[^,\n]{1,60}?\s(?:said|wrote):"),
    _rule("C710", "en", "placeholder of a widget still loading",
          r"loading(?: [\w ]{1,40}?)?\s?(?:\.{3}|…)|loading"),
    _rule("C702", "*", "account link",
          r"sign in|log ?in|log ?out|sign out|register|sign up|create (?:an )?account|my account"
          r"|forgot(?: your)? password\??|войти|выйти|вход|регистрация|зарегистрироваться"
          r"|личный кабинет|welcome!? log ?in(?:to| to)? your account\.?|(?:forgot|lost) (?:your )?"
          r"password\??(?: get help)?|don'?t (?:yet )?have an account\??(?: .{0,30})?"
          r"|password recovery|recover your password|reset (?:your )?password"
          r"|a password will be e-?mailed to you\.?|please wait\.{0,3}|remember me"
          r"|username(?: or e-?mail(?: address)?)?:?\*?|password:?\*?|\[email\s?protected\]"
          r"|забыли пароль\??|запомнить меня|логин|пароль"
          r"|you (?:should upgrade or use an alternative browser|are using an out of date browser)"
          r"\b.{0,200}|sign up or log ?in\b.{0,60}|new to \w+\?|create your (?:free )?account\b"
          r".{0,100}|continue with (?:e-?mail|google|apple|facebook|github)|already have an account"
          r"\??(?: .{0,30})?"
          r"|(?:log ?in|sign in)(?: /|/| or) (?:register|sign up|create an account)"),
    _rule("C705", "*", "metadata label without its value",
          r"(?:(?:published|updated|posted) on|page updated|fact[- ]checked|expert verified"
          r"|published|updated|last updated|last modified|posted|category|categories|tags?"
          r"|topics?|author|authors|date"
          r"|share|filed under|posted in|written by|by|in|опубликовано|обновлено|рубрика|автор"
          r"|теги|дата)\s?:?"),
    _rule("C703", "*", "tag or category line",
          r"(?:tags?|tagged(?: with| in| as)?|categories|category|filed under|posted in|topics?"
          r"|labels?|keywords|метки"
          r"|теги|тэги|рубрик[аи]|категори[яи])\s?:.{0,300}"),
    _rule("C704", "*", "reader tools (print, font size, reading time, view counts)",
          r"print(?: this)?(?: article| page| story)?|e-?mail this(?: article| story)?"
          r"|font size:?.{0,20}|text size|a\+?\s?a-?|версия для печати|размер шрифта"
          r"|\d+ (?:views|reads|просмотр(?:ов|а)?)|(?:views|просмотров|просмотры):? \d+"
          r"|\d+ (?:min(?:ute)?s?\.?|мин\.?)(?: read| чтения)"
          r"|(?:[|•·]\s?)?(?:estimated |average )?(?:reading time|время чтения)(?::? .{0,20}|:)?"
          r"|(?!by\b|written\b).{0,60}?(?:^|[\s·•|—–~/-])(?:\d+|xx?|%t|--)?\s?min(?:ute)?s?\.?"
          r" read"),
)

# A post's timestamp in a discussion ("answered Feb 12, 2011 at 1:01"): the thread is content.
POST_VERBS = frozenset({"commented", "answered", "asked", "replied"})
# Chrome only forums have: a page with it is a discussion, its replies are its content.
FORUM_CODES = frozenset({"C707", "C708", "C709"})

# Codes for what the cleaner decides from context rather than from one line.
STRUCTURAL: dict[str, str] = {
    "C801": "line repeated {count} times on the page (template or navigation)",
    "C802": "run of short link-like lines outside the article (menu or footer links)",
    "C803": "decoration without any text",
    "C804": "table of contents: its entries repeat the headings further down",
    "C805": "author box: a name, perhaps a role, then the author's short biography",
    "C806": "repeats an earlier line of the page (a carousel's copy, a teaser or box shown twice)",
    "C807": "link texts run together without spaces (a menu or tag list)",
    "C810": "outside the article's main text: sidebar, teaser or footer",
    "C811": "under a related-articles header: teasers (headlines, short blurbs) and the footer",
    "C812": "consent dialog at the page's end: what the cookie and privacy settings do",
    "C813": "a forum post's number (its permalink): a thread's chrome, not text",
    "C814": "a bare number on a forum page: a post's vote, like or reaction count or number",
    "C815": "who reacted to a forum post (a list of member names): a thread's chrome",
    "C901": "byline: became the document's metadata",
    "C902": "comments section header",
    "C903": "comment author/date line: became the comment's metadata",
    "C904": "reply marker: became the comment's in_reply_to",
    "C905": "date line: became the document's date",
    "C906": "author line: became the document's authors",
    "C907": "front matter: became the document's metadata",
    "C908": "date line: a timestamp of a post, a comment or a teaser, not text",
}

_BY_RULE = {rule.code: rule for rule in RULES}
# One alternation of every rule, tried in order: a single scan per line.
_ALL_RULES = re.compile(
    "|".join(f"(?P<r{n}>{rule.pattern.pattern})" for n, rule in enumerate(RULES)), re.I
)


_LONG = tuple(rule for rule in RULES if rule.code in LONG_CODES)
_LONG_RULES = re.compile(
    "|".join(f"(?P<r{n}>{rule.pattern.pattern})" for n, rule in enumerate(_LONG)), re.I
)


def classify_line(line: str, language: str = "en") -> Rule | None:
    """The rule that marks this whole (stripped) line as boilerplate, or None."""
    text = line.strip()
    if not text or len(text) > MAX_LONG_RULE_LENGTH:
        return None
    rules, pattern = (RULES, _ALL_RULES) if len(text) <= MAX_RULE_LENGTH else (_LONG, _LONG_RULES)
    match = pattern.fullmatch(text)
    if match is None or match.lastgroup is None:
        return None
    return rules[int(match.lastgroup[1:])]


def rule_by_code(code: str) -> Rule:
    return _BY_RULE[code]


# --- Bylines and comment metadata: lines that become fields of the model. ---
# Each pattern is matched against the whole stripped line; the named groups
# "who" (a submitter or author), "author" (an explicit "Author:") and "date"
# are checked by the parser (names must look like names, dates must parse).
_WHO = r"(?P<who>[^\s:|][^:|]{0,79}?)"
_DATE = r"(?P<date>\S.{3,70}?)"
_AUTHOR_TAIL = r"(?:\s*[|,.;]?\s*(?:authors?|автор(?:ы)?)\s?:\s*(?P<author>\S.{0,119}?))?"


def _meta(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


BYLINES: tuple[re.Pattern[str], ...] = (
    _meta(rf"submitted by {_WHO} on {_DATE}{_AUTHOR_TAIL}\.?"),
    _meta(rf"(?:posted|published|written|updated)(?: on)? {_DATE} by {_WHO}\.?"),
    _meta(rf"(?:posted|published|written) by {_WHO}(?: on|,| \|| [-–—]) {_DATE}\.?"),
    _meta(rf"by {_WHO}\s?(?:[|•·,–—-]|\bon\b)\s?{_DATE}"),
    _meta(rf"(?:опубликовано|дата публикации|размещено|добавлено)\s?:?\s?{_DATE}{_AUTHOR_TAIL}"),
    _meta(rf"(?:автор|авторы)\s?:\s?{_WHO}\s?[|,]?\s?(?:опубликовано\s?:?\s?)?{_DATE}"),
    _meta(rf"(?:published|posted|updated|date|last updated|first published|дата|обновлено"
          rf"|жарияланды)"
          rf"\s?:?\s?(?:on\s)?{_DATE}"),
)
AUTHOR_LINES: tuple[re.Pattern[str], ...] = (
    _meta(r"(?:authors?|written by|words by|автор|авторы|текст)\s?:\s?(?P<author>\S.{0,119})"),
    _meta(r"written by (?P<author>\S.{0,119})"),
)
# "By Dan Katz" alone: only in the header, and only when it reads as names.
BARE_BYLINE = _meta(r"(?:by|от|автор)\s(?P<author>\S.{0,79})")

COMMENT_AUTHORS: tuple[re.Pattern[str], ...] = (
    _meta(rf"submitted by {_WHO} on {_DATE}"),
    _meta(rf"{_WHO}\s(?:says|said|wrote|пишет|написал|написала|говорит|сказал|сказала)\s?:?"
          rf"(?:\s?{_DATE})?"),
    _meta(rf"{_WHO}\son\s{_DATE}\s(?:said|wrote|says)\s?:?"),
    # "Need2KnowLion 2 years ago#1", "maria · 3 days ago": a forum post's header; no date.
    _meta(rf"{_WHO}\s?[·•|,–—-]?\s(?:posted\s|replied\s|commented\s)?(?:\d{{1,3}}|an?|one)"
          r"\s(?:sec(?:ond)?|min(?:ute)?|h(?:ou)?r|hour|day|week|month|mo|year|yr)s?\sago"
          r"\s?(?:#\d{1,6}|\(edited\))?"),
)
# A forum post's time alone on its line, right under the member's name ("2y", "5 days ago",
# "March 2025", "Yesterday at 3:30 PM"); full dates are found by the date parser.
POST_TIME = _meta(
    r"(?:\d{1,3}\s?(?:s|m|mins?|h|hrs?|d|w|wks?|mo|mos|y|yrs?)(?:\sago)?"
    r"|(?:\d{1,3}|an?|one)\s(?:sec(?:ond)?|min(?:ute)?|h(?:ou)?r|day|week|month|year)s?\sago"
    r"|(?:today|yesterday|(?:mon|tues|wednes|thurs|fri|satur|sun)day),?\s(?:at\s)?\d{1,2}:\d\d"
    r"(?:\s?[ap]\.?m\.?)?"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.?\s\d{4})"
)
# A member's rank or role after the name on a post's header ("K17 ✭✭✭", "mcrouse Admin"):
# chrome only forums have.
RANK_STARS = "✭✪★☆⭐✩✯✰"
MEMBER_RANK = _meta(rf"(?P<name>.{{1,60}}?)\s?(?P<rank>[{RANK_STARS}]{{1,6}}"
                    r"|\b(?:admin|administrator|moderator|mod|staff|op))")
# A member card's field label: the line under it is the member's place or language, no name.
CARD_LABEL = _meta(r"(?:current |home )?(?:location|country|city|from|lives in|native language"
                   r"|languages?|occupation|gender|age)\s?:?")
# "Commented Oct 17, 2010 at 7:59", "2010-10-17 07:59:33 +00:00": a timestamp alone on its line,
# perhaps after a verb; the group "date" must parse as a date and little else.
TIMESTAMP = _meta(
    r"(?:(?P<verb>posted|published|updated|last updated|modified|last modified|edited"
    r"|last edited|commented|answered|asked|replied|created|written|reviewed|last reviewed"
    r"|опубликовано|обновлено|изменено)(?: on)?:?\s)?(?P<date>\S.{3,60}?)"
    r"(?:(?<=:\d\d)\.\d{1,6})?(?:\s?(?:[+-]\d\d:?\d\d|z|utc|gmt|[ecmp][sd]t)){0,2}"
)
# "Айгуль, 7 января 2022, 09:30": a name, then a date running to the end of the line.
COMMENT_NAME_DATE_SEPARATORS = " ,|–—-·•@"
REPLIES: tuple[re.Pattern[str], ...] = (
    _meta(r"in reply to .{0,200}? by (?P<who>\S.{0,59})"),
    _meta(r"in reply to (?P<who>\S.{0,59})"),
    _meta(r"(?:в )?ответ на (?:комментарий |сообщение )?.{0,200}? от (?P<who>\S.{0,59})"),
    _meta(r"(?:reply to|replying to|ответ для|ответ) @?(?P<who>\S.{0,59})"),
)
COMMENT_HEADERS = _meta(
    r"(?:user |reader |readers' |reader's )?comments?(?: \(\d+\))?:?|\d+ comments?:?"
    r"|(?:one|no|\d+|two|three|four|five|six|seven|eight|nine|ten) (?:thoughts?|responses?"
    r"|repl(?:y|ies)|comments?) (?:on|to) .{1,200}|discussion|join the conversation"
    r"|комментарии(?: \(\d+\))?:?|\d+ комментари(?:й|я|ев)|комментарии читателей"
    r"|обсуждение|отзывы|пікірлер|discussion about this (?:post|article)"
)
# "Comments 115": a thread's header with its count after it.  It opens the parser's comment
# section (after the text), but the main-region cut does not take it for a thread's start:
# it is as often a counter in the byline row, above the text.
COUNTED_COMMENT_HEADER = _meta(r"(?:comments|responses|replies)\s\d{1,5}")
CAPTION_PREFIX = _meta(
    r"(?:photo|image|picture|illustration|фото|изображение|иллюстрация|сурет)\s?(?:credit)?\s?:"
    r"\s?\S.{0,200}"
)
DEMAND_INTRO = _meta(
    r".{0,300}?(?:\bdemands?\b|\bwe demand|\bour demands\b|\bcall for\b|\bwe call\b"
    r"|требовани|требуем|требует|требуют|призываем|талап).{0,300}"
)
