"""Page vocabulary as named tables, grouped by what the words are: platform chrome, labels, breadcrumbs.

Each table describes a class of page text found on many sites (navigation, account and share
controls, capture-day widgets), never one page's wording.
"""

from __future__ import annotations

from feeder.extract import lazy_re as re

# A line that points elsewhere: a promotion, a programme, a link list or a badge. An outlet named on it is where to
# go, advertise, follow, watch, listen or subscribe next, never the story's credit ("More from AP", "Advertise with
# CNN", "Watch it on BBC", "Listen: BBC Radio 4", "Follow us on X", "Get the app"). These open the line:
POINTS_ELSEWHERE = (
    r"more\s+(?:from|on|stories|news|in)|watch|listen|advertis\w*|sponsored|in\s+partnership|follow|subscribe|"
    r"sign\s+up|download|get\s+the"
)
# ... and a badge of where a site or a person was seen stands anywhere in the line's head ("As seen on Fox", "Our
# work has been featured in The Guardian").
SEEN_ELSEWHERE = r"\b(?:as\s+)?(?:featured|seen|heard|mentioned)\s+(?:in|on)\b"

# Words of site and app chrome, each table one class; CHROME_LINE below is a line made only of them.
# Navigation: a site's or app's menu, section names and skip links.
NAVIGATION = (
    r"skip to (?:main )?(?:content|navigation)|main menu|menu|navigation|toggle navigation|open menu|close|"
    r"home(?:page)?|search(?: for)?:?|search\s*\.{3}|go|back|next|previous|more|sections?|topics?|latest|"
    r"news|world|sport|sports|business|tech|technology|opinion|lifestyle|culture|entertainment|video|videos|"
    r"photos?|gallery|podcasts?|live|e-?paper|archives?|about|contact(?: us)?|about us"
)
# Account controls: log in, register, app prompts, notification and settings links of a site or app.
ACCOUNT = (
    r"log ?in|sign ?in|sign ?up|register|log ?out|my account|account|profile|create (?:an )?account|"
    r"join(?: now| free)?|get the app|download (?:the|our) app|open in app|subscribe(?: now)?|"
    r"(?:log ?in|sign ?in)\s*(?:[/|·]\s*)?(?:register|sign ?up|join)|connect with us|follow us(?: on \w+)?|"
    r"newsletter|notifications?|settings|dark mode|light mode|discover|messages|explore|trending|"
    r"for you|feed|inbox|help|faq"
)
# Social networks a share row or a follow link names.
SOCIAL_NETWORKS = r"facebook|twitter|x|whatsapp|linkedin|telegram|reddit|pinterest|weibo|wechat|line|vk|mastodon"
# Share and reaction buttons, and the social networks they name.
SHARING = (
    r"share|tweet|pin|email|print|copy link|save|bookmark|like|comment|comments|reply|"
    rf"{SOCIAL_NETWORKS}|"
    r"retweet|repost|boost|favou?rite|follow|unfollow|following|embed|quote|permalink"
)
# A post's moderation and edit controls on threaded discussion and social sites (report, vote, hide, award).
POST_CONTROLS = (
    r"report|give award|award|vote|upvote|downvote|hide|flag|edit|delete|translate|see more|show more|see translation"
)
# A Chinese app's tab bar and buttons (home, discover, log in, follow, share, comment, like, search…).
CJK_APP_TABS = r"首页|发现|视频|消息|登录|注册|关注|分享|评论|转发|点赞|收藏|搜索|更多|返回"
# Ad labels a page prints over an ad slot.
ADVERTS = r"advertisement|advertising|ads?|sponsored(?: content)?|promoted|partner content|ad"
# A language menu: language names in their own script and two-letter codes.
LANGUAGE_SWITCH = r"english|中文|español|français|deutsch|русский|العربية|日本語|한국어|en|zh|es|fr"

# A line made only of chrome words (with punctuation between them): "Log in | Register", "Share Tweet Email".
CHROME_LINE = re.compile(
    rf"^[\W_]*(?:(?:{NAVIGATION}|{ACCOUNT}|{SHARING}|{POST_CONTROLS}|{CJK_APP_TABS}|{ADVERTS}|{LANGUAGE_SWITCH})"
    r"[\W_]*)+$", re.I)

# Whole lines of page furniture, one table per class of page text (rules.FURNITURE and rules.STORY_END are
# composed of them). Each is a regex alternation matched against a whole line, case-insensitive.
# An ad slot's placeholder text: ad words with placement words ("top ad", "responsive ads here"), ad labels.
AD_SLOT_PLACEHOLDER = (
    r"(?:(?:post|top|bottom|header|footer|sidebar|inline|responsive|in-article|test)\s+)*"
    r"(?:ads?|adverts?|banner)(?:\s+(?:slot|space|unit|here|top|bottom))*|advertisement|advertising|"
    r"sponsored(?: content)?|ad by .*"
)
# Links of a site's header and footer that stand alone on a line: home, menu, search, skip and back-to-top links.
SITE_LINKS = r"home|menu|search|skip to (?:main )?content|sign in|follow|back to top|top"
# Titles of a blog's sidebar widgets (Blogger, WordPress): the widget's list follows, never the story.
SIDEBAR_WIDGET_TITLES = r"search this (?:blog|site|website)(?:\s*[:：].{0,20})?|popular posts?"
# The head of a share row under a story ("Share this:", "Share this post", "Share This Story, Choose Your
# Platform!"), in the languages portals print it: the story is over.
SHARE_HEAD = (r"share this(?: post| article| story| page)?(?:,? choose your platform!?)?:?|"
              r"compartilhe(?: esta notícia| isso)?:?|comparte(?: esta noticia)?:?|compartir(?: en)?:?|"
              r"partager(?: cet article)?:?|artikel teilen:?|teilen:?|condividi(?: questo articolo)?:?|bagikan:?")
# A share row's buttons and the networks it names, one per line (its head among them).
SHARE_BUTTONS = (
    SHARE_HEAD + r"|share(?: this)?(?: post| article| story)?:?|share on \w+|email this.*|tweet|pin it|email|print|"
    r"copy link|"
    + SOCIAL_NETWORKS
)
# The rest of a short furniture line after its opening words: 25 words at most, so a story paragraph that
# opens the same way ("Powered by solar panels, the ferry …") is not furniture.
_SHORT_REST = r"\S*(?:\s+\S+){0,24}\s*"
# Prompts to subscribe, sign up or follow.
SUBSCRIBE_PROMPTS = (rf"subscribe{_SHORT_REST}|sign up{_SHORT_REST}|follow us{_SHORT_REST}|join our {_SHORT_REST}|"
                     rf"newsletter{_SHORT_REST}")
# A newsletter's pitch not opening with "subscribe" or "sign up" (those are SUBSCRIBE_PROMPTS): an offer of the site's
# mail to the reader ("Get a daily email with the latest news and analysis.", "If you'd like to get this column in
# your inbox, please subscribe at this link."), wherever it stands in the story's run (extract/span.py drops it).
NEWSLETTER_PITCH = re.compile(
    # (never a line reporting who said it: "Get the alerts by email, the company told customers.")
    r"^(?!.*\b(?:said|says|told|tells|added|according to)\b)(?:"
    r"(?:get|receive|want|enjoy)\b.{0,60}\b(?:e-?mail|newsletter|inbox|briefing)s?\b|"
    r"(?:if you(?:['’]d| would) like|(?:would|do) you (?:like|want)|to (?:get|receive))\b.{0,80}"
    r"\b(?:e-?mail|newsletter|inbox)\b.{0,80}\b(?:subscribe|sign up|register)\b)", re.I)
# A photographer's credit alone on its line under the photo's caption, as public broadcasters and papers print a
# commissioned picture's: "Name for Outlet" ("Tara Whitlock for NPR"). The paragraph right over it is the caption
# (extract/lines.py). (A bare "Photo: Agency" or "Name/Agency" line stands under a story's paragraph as often as
# under a caption: those the walk leaves out alone.)
PHOTOGRAPHER_LINE = re.compile(
    r"^[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3} for (?:the )?[A-Z][\w&'’.-]*(?: [A-Z][\w&'’.-]*){0,3}$")
# A site's call to follow it elsewhere, closing a story: its app, channel, feed or page ("Download the Coast Radio
# app for the latest news.", "Join our WhatsApp channel for updates.", "Watch the full interview on our YouTube
# channel."). extract/span.py weighs it at the run's bottom only.
SITE_PROMOTION = re.compile(
    r"^\W{0,3}(?:download|get|install|follow|join|watch|listen|subscribe|like|stay (?:updated|tuned|connected)|"
    r"click|tap)\b.{0,80}?\b(?:us|our|app|channel|podcast|newsletter|whatsapp|telegram|youtube|facebook|twitter|"
    r"instagram|tiktok|google news|apple news)\b", re.I)
# A promotion is short.
SITE_PROMOTION_WORDS = 30
# A label in capitals opening a paragraph as a dateline's place would ("UPDATE:", "BACKGROUND -", "EDITOR'S NOTE:"):
# a section of the story or a note on it, never where it was filed.
CAPS_LABEL = re.compile(r"^(?:UPDATED?|BACKGROUND|ANALYSIS|CORRECTION|CLARIFICATION|EDITOR['’]?S NOTE|NOTE|WATCH|"
                        r"LISTEN|"
                        r"READ(?: MORE| ALSO)?|ALSO READ|RELATED|PHOTOS?|VIDEO|BREAKING(?: NEWS)?|EXCLUSIVE|OPINION|"
                        r"COMMENT|Q|A|FACTBOX|TIMELINE|EXPLAINER|FILE|SOURCE|SOURCES|DISCLAIMER)\b", re.I)
# Heads of the lists of other stories a page shows under or beside the story.
RELATED_LIST_HEADS = (
    r"related(?: posts?| articles?| stories| news)?:?|you (?:may|might) also like.*|popular posts?|"
    # a news theme's tabs over its list ("RELATED ARTICLES MORE FROM AUTHOR")
    r"related (?:posts|articles|stories) more from (?:the )?author|"
    r"most (?:read|popular|viewed).*|recommended(?: for you)?|more from .*|"
    # "MORE AFRICA NEWS", "More world stories": a section's list of other stories
    r"more (?:[\w-]+ ){0,3}(?:news|stories|articles|headlines)|"
    # the same heads in the languages portals print them
    r"(?:notícias|matérias|noticias|artículos|notas|articoli|berita) (?:relacionad[ao]s|correlati|terkait)|"
    r"leia também|te puede interesar|también te puede interesar|articles? (?:liés|similaires)|à lire aussi|"
    r"ähnliche (?:artikel|beiträge)|mehr zum thema|"
    r"(?:أخبار|مقالات|مواضيع) ذات صلة|اقرأ (?:أيضا|أيضاً)|читайте также|(?:похожие|связанные) (?:новости|статьи)|"
    r"相关(?:新闻|文章|阅读)|相關(?:新聞|文章)|関連記事|관련\s?기사"
)
# Related-list heads that also stand in a sidebar or a ticker, beside the story as well as under it.
SIDE_LIST_HEADS = r"trending(?: now)?|see also:?"
# Links on to the rest of a story or to its original ("Read more", "Continue reading", "Original story: …").
READ_ON_LINKS = (
    r"read more.*|read (?:the )?(?:original|full (?:story|article|text)).*|original (?:story|article|link)\s*:.*|"
    r"continue reading.*|click here.*"
)
# "Read more" alone: the link that closes a teaser; the story is over.
READ_MORE = r"read more:?"
# A post's taxonomy: labels, tags, categories (Blogger "Labels:", WordPress "Filed under", Joomla "Category:").
TAXONOMY_LABELS = r"labels?:.*|tags?:.*|categories:?.*|category:.*|filed under:?.*"
# The heading of a post's list of tags or topics printed one item a line under it ("TAGS", "Topics:", "Filed under").
TAXONOMY_HEADS = r"tags?|tagged(?: with)?|topics?|keywords?|labels?|categories|filed under|related (?:topics|tags)"
# Heads and controls of a comment block (its counter, its form, its sort menu): the story is over.
COMMENT_BLOCK_HEADS = (r"no comments?:?|\d+ comments?:?|comments?:?|post a comment|leave a (?:reply|comment).*|"
                       r"sort by:?.*|"
                       # a prompt to add a view in the comments ("Have something to say? Add your view …")
                       r"have (?:something to say|your say)\b.{0,200}|"
                       # the same heads and the comment form's notice in the languages blog themes ship in
                       r"(?:deixe|deja|laisser|lascia|hinterlasse)(?: (?:um|seu|un|tu|une?|einen))? "
                       r"(?:comentário|comentario|commentaire|commento|kommentar|resposta|respuesta|réponse).*|"
                       r"\d* ?(?:comentários?|comentarios?|commentaires?|kommentare[rn]?|commenti):?|"
                       r"(?:your email address|seu (?:endereço de )?e-?mail|"
                       r"tu (?:dirección de )?correo(?: electrónico)?|"
                       r"votre adresse (?:e-?mail|de messagerie)|deine e-?mail-adresse)\b.{0,40}"
                       r"(?:not be published|não será publicado|no será publicad[ao]|ne sera pas publiée|"
                       r"wird nicht veröffentlicht).*")
# Per-post controls and headers of forum and comment software: quote and reply buttons, post numbers,
# the thread's or the reply's subject line.
FORUM_POST_CONTROLS = r"quote:?|reply|#\d+|(?:thread|topic|re)\s*:.*"
# A like button's widget (WordPress.com and Jetpack "Like this:", "Like Loading...").
LIKE_WIDGET = r"like this:?|like loading\.*|loading\.*"
# A blog's pager between posts: the story is over.
BLOG_PAGER = r"newer posts?|older posts?|(?:previous|next)(?: post| article| story| entry)?"
# A pager link's text after its «: a post's title or "Older entries"; a French paragraph that opens a quotation
# with « ends a sentence (". »", "… a déclaré le maire.").
_PAGER_LINK_REST = r" .*(?<![.!?…»])"
# A page number of a pager row, or the ellipsis that stands for those left out.
_PAGE_NUMBER = r"(?:\d{1,4}|…|\.{3})"
# Links between posts and pages: previous/next links, "« Older entries", a row of page numbers
# ("Prev 1 … 6 7 8 … 41 Next", "« 1 2 3 »"), "Page 7 of 41".
PAGINATION = (
    rf"previous(?: post)?|next(?: post)?|«{_PAGER_LINK_REST}|page \d{{1,4}} of \d{{1,4}}|"
    rf"(?:(?:prev(?:ious)?|first|«|‹)\s*)?{_PAGE_NUMBER}(?:\s+{_PAGE_NUMBER}){{2,}}(?:\s*(?:next|last|»|›))?|"
    rf"(?:prev(?:ious)?|«|‹)\s*{_PAGE_NUMBER}(?:\s+{_PAGE_NUMBER})*\s*(?:next|»|›)"
)
# A site's footer: credits, copyright, legal links, contact links and the cookie banner.
SITE_FOOTER = (
    rf"powered by {_SHORT_REST}|theme by {_SHORT_REST}|(?:copyright )?(?:©|\(c\)).*|all rights reserved.*|"
    rf"privacy policy.*|terms of (?:use|service).*|about us|contact us|contact|about|cookie{_SHORT_REST}|accept"
)
# A count of a post's engagement on a line of its own, beside or above it ("12 notes", "300 views").
ENGAGEMENT_COUNT = r"\d+ (?:notes|followers|likes|reblogs|views)"
# The same counts as a post's footer prints them, under the story ("1.2k upvoted", "34 replies"): the story is over.
ENGAGEMENT_COUNT_UNDER_POST = (
    r"[\d.,]+\s*[km%]?\s+(?:upvoted|points|votes?|likes?|replies|repl(?:y|ies)|comments?|reposts?|retweets?|"
    r"boosts?|favou?rites?|shares?|reactions?|reblogs?|notes)"
)
# The writer's card under a post ("About the author", "Written by X", "N followers"): the story is over.
AUTHOR_CARD = r"about the author|\d+ followers|written by .*"
# A rule drawn with characters between the story and what follows it.
SEPARATOR_RULE = r"[_\-=*~]{5,}"
# The two dashes that open a mail's or a post's signature: what follows is the poster's, not the story's.
SIGNATURE_DASHES = r"--"
# Labels of a media element and of a reading time ("[Photo]", "Watch: … video", "Listen to this article", "3 min read").
MEDIA_LABELS = r"\[?(?:photo|image|video)\]?|watch:?.*video|listen to this article.*|\d+\s*(?:min|minute)s? read"

# A masthead's news ticker: its label, alone or before the headlines it scrolls ("Latest: …", "Breaking News:").
TICKER = re.compile(
    r"^(?:latest(?: news| headlines)?|breaking(?: news)?|trending(?: now)?|just in|top stories|news ticker|"
    r"últimas noticias|lo último|últimas notícias|à la une|dernière minute|dernières infos|eilmeldung|"
    r"aktuell|ultime notizie|последние новости)\s*[:：]", re.I)

# "Home > World > Asia", "Home » News", "News / China": a breadcrumb trail of a site's sections.
BREADCRUMB = re.compile(r"^[^>»/›|]{1,30}(?:\s*[>»›/|]\s*[^>»/›|]{1,40}){1,6}$")

# Lines that open a block of their own: bylines, labels with a value, stamps, credits. (CJK ideographs have no
# case: their class is scoped out of IGNORECASE, which would fold each of its 27,000 characters when compiling.)
STARTS_BLOCK = re.compile(
    r"^(?:by\s|written by|posted|published|updated|source|via|from\s*:|editor|photo|reporting by|"
    r"(?:[A-Za-z][\w ]{0,24}|(?-i:[\u3400-\u9fff]{1,6}))\s*[:：]\s|\(\s*[A-Z]|\d{1,4}[-/.年]\d{1,2}|"
    r"(?:mon|tue|wed|thu|fri|sat|sun)(?:day|s|sday|nesday|rsday|urday)?\.?,|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)",
    re.I)

# A label that stands before a value: "Source:", "Published:", "Posted by" — never a headline.
LABEL_PREFIX = re.compile(r"^(?:[A-Za-z][\w ]{0,24}|[\u3400-\u9fff]{1,6})\s*[:：](?:\s|$)")

# Sections of a blog or journal platform's own navigation (an entry list, a profile's tabs).
SITE_SECTION = re.compile(
    r"^(?:recent entries|entries|archive|archives|friends|profile|memories|tags|calendar|about me|"
    r"my (?:blog|posts|profile|page)|dashboard|timeline|posts|replies|media|likes|followers|following)$", re.I)

# Labels of the fields a credit row prints, several of which may share one line:
# "By A and B Source: Xinhua Published: 2021/3/5 08:15:00".
FIELD_LABELS = (r"source|sources|published|updated|last updated|modified|editor|edited by|author|authors|date|"
                r"posted|time|reporter|reporters|writer|via|credit|来源|作者|发布时间|时间|编辑|责任编辑")
# A second label further along a line: where the line splits into fields.
NEXT_LABEL = re.compile(rf"(?<=\S)\s+(?=(?:{FIELD_LABELS})\s*[:：])", re.I)
# A line that opens with a byline or a field label: a credit row, never a headline or a paragraph.
LEADING_LABEL = re.compile(rf"^(?:by\s|(?:{FIELD_LABELS})\s*[:：])", re.I)

# Ranks and titles a forum prints beside a member's name: never the member's name.
MEMBER_RANK = re.compile(
    r"^(?:(?:new|junior|senior|active|well-known|established|elite|premium|registered|verified|banned|gold|"
    r"silver|platinum|vip|super|full|forum|community|staff)\s+)*(?:member|user|poster|guest|moderator|mod|"
    r"administrator|admin|staff|veteran|contributor|regular|newbie|rookie|lurker)s?$", re.I)
# Thread headers of forum software: who started the thread and when.
THREAD_STARTER = re.compile(
    r"^(?:thread starter|started by|original poster|op|topic starter)\s*:?\s+(?P<name>\S.{0,40}?)"
    r"(?:\s+(?:start date|started|date)\s*:?\s+(?P<date>\S.{0,60}))?$", re.I)
# The thread's start date on a line of its own ("Start date Sep 3, 2016").
THREAD_START_DATE = re.compile(r"^(?:start date|started|thread started|date posted)\s*:?\s+(?P<date>\S.{0,60})$", re.I)
# First or second person: a poster's own words ("I thought you'd like this"), never a story's standfirst.
FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|I'd|my|me|you|you'd|your|we|our)\b|[!?]$")

# What a credit prints when it names no outlet: agencies or sources in general, the web, unknown or none, the
# writer's own role ("Source: Agencies", "Source: Internet", "Credit: Own correspondent", "Source: N/A"). ("The
# Press" names a paper: "press" alone is no such word.)
UNNAMED_SOURCE = re.compile(
    r"^(?:the |our |own |various |several |multiple |other |unnamed |different |local |news |wire |foreign )*"
    r"(?:agenc(?:y|ies)|wires?|wire services?|sources?|internet|web|online|social media|media|"
    r"unknown|n/?a|none|others?|correspondents?|reporters?|staff|authors?|writers?|editors?|"
    r"press release|handout|archives?)"
    r"(?:\s*(?:,|and|&|/)\s*(?:agenc(?:y|ies)|wires?|sources?|internet|web|media|others?))*\.?$", re.I)

# Stamp labels of European-language pages, read as "Published:" and "Updated:" are. (A Chinese
# portal's 发布时间 row is the portal's own posting time by the labelled rules, so CJK labels stay out.)
PUBLISHED_LABELS = ("publié le", "publié", "publicado el", "publicado", "veröffentlicht am", "veröffentlicht",
                    "pubblicato il", "pubblicato", "publicado em", "опубликовано")
# Update labels of the same languages, read as "Updated:".
UPDATED_LABELS = ("mis à jour le", "mis à jour", "actualizado el", "actualizado", "aktualisiert am", "aktualisiert",
                  "aggiornato il", "aggiornato", "atualizado em", "обновлено")

# Real news agencies' codes that more than one organisation uses, so the registry leaves them out (see the note at the
# top of outlets.toml): a dateline's comma-set code credits one of them as printed, and no other unknown code.
# Sources: Wikipedia, "List of news agencies" and each agency's article: CMC (Caribbean Media Corporation, Barbados;
# also CMC Markets), KBC (Kenya Broadcasting Corporation; also KBC Group, Belgium), CNA (Central News Agency, Taiwan;
# CNA Singapore; Cyprus News Agency), APS (Algérie Presse Service; Agence de Presse Sénégalaise), BNA (Bahrain News
# Agency; Bakhtar News Agency).
SHARED_AGENCY_CODES = frozenset(("CMC", "KBC", "CNA", "APS", "BNA"))

# Where a writer posts, not an outlet that ran a story: a name after "first appeared on" that is one of these (or ends
# in one of the kinds) is the writer's own platform, never the story's credit.
PUBLISHING_PLATFORMS = r"medium|substack|wordpress|blogger|blogspot|tumblr|ghost|linkedin|patreon|mirror\.xyz"
# The kinds of a writer's own channel a name may end in ("The Green Thumb Blog", "Money Talk Podcast").
PLATFORM_KINDS = r"blog|podcast|newsletter|substack|vlog|channel"
# Words that make a name an organisation's (a university, a company, a ministry, a club), not an outlet's; a name that
# also carries a word of the news trade (MEDIA_TRADE_WORDS: "Kenya Broadcasting Corporation") is still an outlet's.
ORGANISATION_WORDS = (r"university|universit[éeày]|universidad|college|institute|school|academy|foundation|ministry|"
                      r"department|council|commission|committee|organi[sz]ation|association|federation|society|club|"
                      r"fc|inc|ltd|llc|plc|corp|corporation|company|bank|hospital|church|government|authority|"
                      r"trust|friends|alliance|charity|centre|center|partnership")
# Words of the news trade that keep an organisation-shaped name an outlet's.
MEDIA_TRADE_WORDS = r"news|press|media|broadcasting|radio|television|tv|times|post|daily|journal|herald|gazette|agency"

# The verbs a blog or CMS theme prints before its poster's name, with the word for "by" that follows them, by
# language ("Posted by", "Publicado por", "Publicerat av", "Diposting oleh"…); a verb without one stands alone.
POSTER_VERBS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("posted", "post", "submitted", "published", "uploaded", "shared", "added", "created", "contributed"), "by"),
    (("publicado", "postado", "enviado", "publicada"), "por"),
    (("eingestellt", "veröffentlicht", "gepostet"), "von"),
    (("publié", "posté", "publiée"), "par"),
    (("publicerat", "postat", "upplagt"), "av"),
    (("publisert", "postet", r"lagt\s+inn"), "av"),
    (("udgivet", "postet", "offentliggjort"), "af"),
    (("diposting", "diposkan", "dikirim", "diterbitkan", "dimuat", "diunggah"), "oleh"),
    (("geplaatst", "gepubliceerd", "gepost"), "door"),
    (("pubblicato", "inviato"), "da"),
    (("opublikowane", "dodane"), "przez"),
    (("опубликовано", "разместил"), ""),
    # Blogger's post footer in Chinese, Japanese and Korean interfaces: the poster's noun ("发布者" is "poster"),
    # a colon after it.
    (("发布者", "張貼者", "张贴者", "投稿者", "게시자"), ""),
)
# The bare "by" of the same languages.
BY_WORDS = ("by", "por", "von", "par", "av", "af", "oleh", "door", "di", "da", "przez")
