using System.Globalization;
using System.Text;
using DigestBot.Notes;

namespace DigestBot.Benchmarks;

/// <summary>
/// Deterministic digests in the curators' format (see samples/demo-digest.txt) at realistic sizes:
/// a title, 2–12 authors, a ~1,500-character one-line abstract, an arXiv link (sometimes two links),
/// two to six lines of Korean and English commentary in Markdown, and one to three hashtags.
/// Every figure in bench/README.md comes from this corpus; bump <see cref="Version"/> when it changes.
/// </summary>
internal sealed class CorpusGenerator(int seed = CorpusGenerator.DefaultSeed)
{
    public const int DefaultSeed = 20240730;
    public const int Version = 1;

    /// <summary>Tags by popularity: the first is the most common (about one note in six).</summary>
    public static readonly string[] Tags =
    [
        "llm", "vision", "diffusion", "reinforcement-learning", "video-segmentation", "agents", "alignment", "multimodal",
        "efficiency", "benchmark", "robotics", "speech", "retrieval", "fine-tuning", "scaling-law", "graph", "3d",
        "reasoning", "code-generation", "safety", "quantization", "tokenizer", "moe", "long-context", "distillation",
        "rlhf", "world-model", "audio", "medical", "time-series", "federated", "privacy", "interpretability",
        "optimizer", "dataset", "evaluation", "image-generation", "text-to-video", "embodied", "planning",
        "korean-nlp", "translation", "summarization", "ocr", "detection", "segmentation", "pose-estimation",
        "nerf", "gaussian-splatting", "self-supervised", "contrastive", "state-space-model", "attention", "architecture",
        "pretraining", "instruction-tuning", "in-context-learning", "prompting", "hallucination", "tool-use",
    ];

    private static readonly string[] TitleWords =
    [
        "Scaling", "Sparse", "Attention", "Diffusion", "Transformers", "Video", "Segmentation", "Reasoning", "Agents",
        "Efficient", "Language", "Models", "Vision", "Preference", "Optimization", "Retrieval", "Augmented", "Generation",
        "Mixture", "Experts", "Long", "Context", "Robust", "Self-Supervised", "Learning", "Multimodal", "Alignment",
        "Quantized", "Low-Rank", "Adaptation", "Benchmarking", "Planning", "World", "Tokenizers", "Speech", "Graph",
    ];

    private static readonly string[] FirstNames =
    [
        "Ashish", "Noam", "Niki", "Jakob", "Llion", "Aidan", "Lukasz", "Illia", "Edward", "Yelong", "Nikhila", "Valentin",
        "Chloe", "Piotr", "Rafael", "Archit", "Chelsea", "Jared", "Sam", "Tom", "Minjoon", "Jiwoo", "Seungwoo", "Hyunwoo",
        "Yuanzhi", "Weizhu", "Tete", "Alexander", "Eric", "Dario",
    ];

    private static readonly string[] LastNames =
    [
        "Vaswani", "Shazeer", "Parmar", "Uszkoreit", "Jones", "Gomez", "Kaiser", "Polosukhin", "Hu", "Shen", "Ravi",
        "Gabeur", "Rolland", "Dollár", "Rafailov", "Sharma", "Finn", "Kaplan", "McCandlish", "Henighan", "Seo", "Kim",
        "Park", "Lee", "Li", "Chen", "Xiao", "Berg", "Mitchell", "Amodei",
    ];

    private static readonly string[] AbstractSentences =
    [
        "We present a method that trains a single model end to end on a mixture of web text, code and curated instruction data, and we show that it transfers to tasks it was never trained on.",
        "Our approach replaces the quadratic attention of standard transformers with a sparse routing scheme whose cost grows linearly with the sequence length, while keeping quality on long-context benchmarks.",
        "Experiments on twelve public benchmarks show consistent gains over strong baselines, with the largest improvements on multi-step reasoning and on low-resource languages such as Korean and Swahili.",
        "We release the code, the model weights and a cleaned evaluation suite so that others can reproduce every number reported in the paper and extend the analysis to new settings.",
        "A careful ablation study isolates the contribution of each component: the data mixture matters most, the optimizer schedule second, and the architecture changes the least.",
        "Unlike prior work that relies on hand-written reward functions, we learn the reward directly from pairwise human preferences collected at scale through a simple annotation interface.",
        "The resulting model runs in real time on a single consumer GPU and uses less than a third of the memory of comparable systems, which makes on-device deployment practical.",
        "We further analyse failure cases and find that most errors come from ambiguous prompts, from rare entities and from images whose objects are heavily occluded or very small.",
        "Theoretical analysis shows that the proposed estimator is unbiased and that its variance decreases with the number of sampled trajectories at the usual rate.",
        "Finally, we discuss the limitations of our study, including the cost of collecting annotations and the risk that benchmarks leak into pretraining corpora.",
    ];

    private static readonly string[] KoreanSentences =
    [
        "핵심 아이디어는 간단합니다.",
        "실험 설정이 꼼꼼해서 재현하기 좋습니다.",
        "다만 비교 대상 모델의 크기가 달라서 결과를 그대로 믿기는 어렵습니다.",
        "데이터 엔진을 돌려 라벨링 비용을 크게 줄였다는 점이 인상적입니다.",
        "기존 방법보다 메모리를 절반 이하로 쓰면서 성능은 비슷합니다.",
        "한국어 벤치마크에서도 꽤 좋은 결과를 보여 줍니다.",
        "저자들이 공개한 코드가 깔끔해서 바로 써 볼 수 있습니다.",
        "후속 연구가 많이 나올 것 같은 논문입니다.",
        "긴 문맥에서 성능이 떨어지는 문제를 정면으로 다룹니다.",
        "수식은 많지만 직관은 그림 한 장으로 충분합니다.",
    ];

    private static readonly string[] EnglishFragments =
    [
        "the ablation in Table 3 is worth a look",
        "training cost drops by roughly 3x",
        "works with any decoder-only model",
        "the reward model is frozen during training",
        "results hold at 7B and 70B",
        "compare with the LoRA baseline",
    ];

    private static readonly string[] CodeSpans =
    [
        "`scaled_dot_product_attention`", "`sqrt(d_k)`", "`top_k=2`", "`B·A`", "`lr=3e-4`", "`torch.compile`",
        "`-log σ(β·Δ)`", "`max_len > 4096`", "`a_b_c`", "`x[i] * 2`",
    ];

    private static readonly string[] Hosts =
    [
        "https://github.com/example-lab/sparse-attn", "https://arxiv.org/abs/2408.00714", "https://huggingface.co/papers/2401.04088",
        "https://ai.meta.com/blog/segment-anything-2", "https://example.org/blog/2024/07/a_b_test?x=1&y=2", "https://github.com/microsoft/LoRA",
    ];

    private readonly Random random = new(seed);

    /// <summary>A digest of <paramref name="count"/> notes, ten to a digest day.</summary>
    public string Digest(int count, int firstIndex = 0)
    {
        var text = new StringBuilder(count * 2_400);
        var day = new DateOnly(2024, 1, 1);
        for (var i = 0; i < count; i++)
        {
            if (i % 10 == 0)
            {
                text.Append(day.AddDays((firstIndex + i) / 10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
            }

            AppendNote(text, firstIndex + i);
        }

        return text.ToString();
    }

    /// <summary>The notes of <see cref="Digest"/>, parsed the way the importer parses them.</summary>
    public IReadOnlyList<Note> Notes(int count, int firstIndex = 0)
    {
        var parsed = new DigestTextParser().Parse(Digest(count, firstIndex), "corpus.txt");
        if (parsed.Problems.Count > 0 || parsed.Notes.Count != count)
        {
            throw new InvalidOperationException(
                $"The generated digest parsed into {parsed.Notes.Count} of {count} notes; first problem: {parsed.Problems.FirstOrDefault()}");
        }

        return parsed.Notes;
    }

    /// <summary>Commentary documents alone: the corpus the converter comparison runs on.</summary>
    public IReadOnlyList<string> Commentaries(int count)
    {
        var documents = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            documents.Add(Commentary(i));
        }

        return documents;
    }

    /// <summary>An arXiv id unique to the note's index, so notes never deduplicate against each other.</summary>
    public static string ArxivId(int index) =>
        string.Create(CultureInfo.InvariantCulture, $"24{1 + index / 90_000:00}.{10_000 + index % 90_000:00000}");

    private void AppendNote(StringBuilder text, int index)
    {
        text.Append(Title(index)).Append('\n');
        text.Append('(').AppendJoin(", ", Authors()).Append(")\n");
        text.Append(Abstract()).Append('\n');
        text.Append("https://arxiv.org/abs/").Append(ArxivId(index)).Append('\n');
        if (random.Next(4) == 0)
        {
            text.Append(Pick(Hosts)).Append('\n');
        }

        text.Append(Commentary(index)).Append('\n');
        text.AppendJoin(' ', NoteTags().Select(Tag.ForDisplay)).Append('\n');
    }

    private string Title(int index)
    {
        var words = Enumerable.Range(0, random.Next(4, 11)).Select(_ => Pick(TitleWords));
        return $"{string.Join(' ', words)}: Study {index.ToString(CultureInfo.InvariantCulture)}";
    }

    private IEnumerable<string> Authors() =>
        Enumerable.Range(0, random.Next(2, 13)).Select(_ => $"{Pick(FirstNames)} {Pick(LastNames)}");

    private string Abstract()
    {
        var text = new StringBuilder(1_600);
        while (text.Length < 1_400 + random.Next(200))
        {
            text.Append(Pick(AbstractSentences)).Append(' ');
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>
    /// Two to six lines: Korean with **bold**, `code`, [links](…) and bare links in parentheses, sometimes a list,
    /// a <c>&lt;</c> or <c>&amp;</c>, and in some documents <c>&lt;!channel&gt;</c>, <c>@here</c> or <c>&lt;@U…&gt;</c>.
    /// </summary>
    private string Commentary(int index)
    {
        var lines = new List<string>();
        var count = random.Next(2, 7);
        for (var i = 0; i < count; i++)
        {
            var line = new StringBuilder();
            line.Append(Pick(KoreanSentences));
            switch (random.Next(6))
            {
                case 0:
                    line.Append(" **").Append(Pick(EnglishFragments)).Append("**이 포인트입니다.");
                    break;
                case 1:
                    line.Append(' ').Append(Pick(CodeSpans)).Append("로 구현되어 있습니다.");
                    break;
                case 2:
                    line.Append(" 코드는 여기 있습니다. (").Append(Pick(Hosts)).Append(')');
                    break;
                case 3:
                    line.Append(" [관련 논문](").Append(Pick(Hosts)).Append(")도 함께 보세요.");
                    break;
                case 4:
                    line.Append(" _").Append(Pick(EnglishFragments)).Append("_ — 정확도 < 90% & 비용 > 2x.");
                    break;
                default:
                    line.Append(' ').Append(Pick(KoreanSentences));
                    break;
            }

            lines.Add(line.ToString());
        }

        if (random.Next(4) == 0)
        {
            lines.Add("");
            lines.Add("- " + Pick(EnglishFragments));
            lines.Add("- " + Pick(KoreanSentences));
            lines.Add("- 1.5배 빠름 (A100 기준)");
        }

        switch (index % 10)
        {
            case 3:
                lines.Add("<!channel> 꼭 읽어 보세요!");
                break;
            case 6:
                lines.Add("@here 이번 주 스터디 주제입니다.");
                break;
            case 8:
                lines.Add("<@U024BE7LH> 님이 추천한 논문입니다.");
                break;
        }

        return string.Join('\n', lines);
    }

    private IReadOnlyList<string> NoteTags()
    {
        var tags = new List<string>();
        var count = random.Next(1, 4);
        while (tags.Count < count)
        {
            // Roughly Zipf: tag k is picked with weight 1/(k+1).
            var tag = Tags[(int)Math.Floor(Math.Pow(Tags.Length + 1, random.NextDouble())) - 1];
            if (!tags.Contains(tag))
            {
                tags.Add(tag);
            }
        }

        return tags;
    }

    private T Pick<T>(T[] items) => items[random.Next(items.Length)];
}
