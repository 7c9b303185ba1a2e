"""Page vocabulary as named tables, grouped by what the words are: platform chrome, labels, breadcrumbs.

Each table describes a class of page text found on many sites (navigation, account and share
controls, capture-day widgets), never one page's wording.
"""

from __future__ import annotations

import re

# Navigation, account, share and ad controls of a site or app, as whole short lines.
NAVIGATION = (
    r"skip to (?:main )?(?:content|navigation)|main menu|menu|navigation|toggle navigation|open menu|close|"
    r"home(?:page)?|search(?: for)?:?|search\s*\.{3}|go|back|next|previous|more|sections?|topics?|latest|"
    r"news|world|sport|sports|business|tech|technology|opinion|lifestyle|culture|entertainment|video|videos|"
    r"photos?|gallery|podcasts?|live|e-?paper|archives?|about|contact(?: us)?|about us"
)
ACCOUNT = (
    r"log ?in|sign ?in|sign ?up|register|log ?out|my account|account|profile|create (?:an )?account|"
    r"join(?: now| free)?|get the app|download (?:the|our) app|open in app|subscribe(?: now)?|"
    r"(?:log ?in|sign ?in)\s*(?:[/|·]\s*)?(?:register|sign ?up|join)|connect with us|follow us(?: on \w+)?|"
    r"newsletter|notifications?|settings|dark mode|light mode|discover|messages|explore|trending|"
    r"for you|feed|inbox|help|faq"
)
SHARING = (
    r"share|tweet|pin|email|print|copy link|save|bookmark|like|comment|comments|reply|"
    r"facebook|twitter|x|whatsapp|linkedin|telegram|reddit|pinterest|weibo|wechat|line|vk|mastodon|"
    r"report|give award|award|vote|upvote|downvote|hide|flag|permalink|embed|quote|follow|unfollow|following|"
    r"edit|delete|translate|see more|show more|see translation|retweet|repost|boost|favou?rite|"
    r"首页|发现|视频|消息|登录|注册|关注|分享|评论|转发|点赞|收藏|搜索|更多|返回"
)
ADVERTS = r"advertisement|advertising|ads?|sponsored(?: content)?|promoted|partner content|ad"
LANGUAGE_SWITCH = r"english|中文|español|français|deutsch|русский|العربية|日本語|한국어|en|zh|es|fr"

CHROME_LINE = re.compile(
    rf"^[\W_]*(?:(?:{NAVIGATION}|{ACCOUNT}|{SHARING}|{ADVERTS}|{LANGUAGE_SWITCH})[\W_]*)+$", re.I)

# A masthead's news ticker: its label, alone or before the headlines it scrolls ("Latest: …", "Breaking News:").
TICKER = re.compile(
    r"^(?:latest(?: news| headlines)?|breaking(?: news)?|trending(?: now)?|just in|top stories|news ticker|"
    r"últimas noticias|lo último|últimas notícias|à la une|dernière minute|dernières infos|eilmeldung|"
    r"aktuell|ultime notizie|последние новости)\s*[:：]", re.I)

# "Home > World > Asia", "Home » News", "News / China": a breadcrumb trail of a site's sections.
BREADCRUMB = re.compile(r"^[^>»/›|]{1,30}(?:\s*[>»›/|]\s*[^>»/›|]{1,40}){1,6}$")

# Lines that open a block of their own: bylines, labels with a value, stamps, credits.
STARTS_BLOCK = re.compile(
    r"^(?:by\s|written by|posted|published|updated|source|via|from\s*:|editor|photo|reporting by|"
    r"(?:[A-Za-z][\w ]{0,24}|[\u3400-\u9fff]{1,6})\s*[:：]\s|\(\s*[A-Z]|\d{1,4}[-/.年]\d{1,2}|"
    r"(?:mon|tue|wed|thu|fri|sat|sun)(?:day|s|sday|nesday|rsday|urday)?\.?,|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)",
    re.I)

# A label that stands before a value: "Source:", "Published:", "Posted by" — never a headline.
LABEL_PREFIX = re.compile(r"^(?:[A-Za-z][\w ]{0,24}|[\u3400-\u9fff]{1,6})\s*[:：](?:\s|$)")

# Sections of a blog or journal platform's own navigation (an entry list, a profile's tabs).
SITE_SECTION = re.compile(
    r"^(?:recent entries|entries|archive|archives|friends|profile|memories|tags|calendar|about me|"
    r"my (?:blog|posts|profile|page)|dashboard|timeline|posts|replies|media|likes|followers|following)$", re.I)

# Labels of the fields a credit row prints, several of which may share one line:
# "By A and B Source: Global Times Published: 2021/8/1 20:49:14".
FIELD_LABELS = (r"source|sources|published|updated|last updated|modified|editor|edited by|author|authors|date|"
                r"posted|time|reporter|reporters|writer|via|credit|来源|作者|发布时间|时间|编辑|责任编辑")
# A second label further along a line: where the line splits into fields.
NEXT_LABEL = re.compile(rf"(?<=\S)\s+(?=(?:{FIELD_LABELS})\s*[:：])", re.I)
LEADING_LABEL = re.compile(rf"^(?:by\s|(?:{FIELD_LABELS})\s*[:：])", re.I)

# Ranks and titles a forum prints beside a member's name: never the member's name.
MEMBER_RANK = re.compile(
    r"^(?:(?:new|junior|senior|active|well-known|established|elite|premium|registered|verified|banned|gold|"
    r"silver|platinum|vip|super|full|forum|community)\s+)*(?:member|user|poster|guest|moderator|mod|"
    r"administrator|admin|staff|veteran|contributor|regular|newbie|rookie|lurker)s?$", re.I)
# Thread headers of forum software: who started the thread and when.
THREAD_STARTER = re.compile(
    r"^(?:thread starter|started by|original poster|op|topic starter)\s*:?\s+(?P<name>\S.{0,40}?)"
    r"(?:\s+(?:start date|started|date)\s*:?\s+(?P<date>\S.{0,60}))?$", re.I)
THREAD_START_DATE = re.compile(r"^(?:start date|started|thread started|date posted)\s*:?\s+(?P<date>\S.{0,60})$", re.I)
# First or second person: a poster's own words ("I thought you'd like this"), never a story's standfirst.
FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|I'd|my|me|you|you'd|your|we|our)\b|[!?]$")

# Stamp labels of European-language pages, read as "Published:" and "Updated:" are. (A Chinese
# portal's 发布时间 row is the portal's own posting time by the labelled rules, so CJK labels stay out.)
PUBLISHED_LABELS = ("publié le", "publié", "publicado el", "publicado", "veröffentlicht am", "veröffentlicht",
                    "pubblicato il", "pubblicato", "publicado em", "опубликовано")
UPDATED_LABELS = ("mis à jour le", "mis à jour", "actualizado el", "actualizado", "aktualisiert am", "aktualisiert",
                  "aggiornato il", "aggiornato", "atualizado em", "обновлено")
