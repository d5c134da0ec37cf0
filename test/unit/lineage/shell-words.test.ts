import { describe, expect, it } from "vitest";
import { singleCommandWords } from "../../../shared/src/lineage/shell-words.js";

const texts = (script: string) => singleCommandWords(script)?.map((w) => w.text);

describe("singleCommandWords", () => {
  it("splits one command into words after quote removal, as bash does", () => {
    expect(texts(`python3 -u 'my train.py' "--name=a b" --lr\\ 0.1`)).toEqual([
      "python3",
      "-u",
      "my train.py",
      "--name=a b",
      "--lr 0.1",
    ]);
    expect(texts(`"/opt/my env/bin/python" train.py`)).toEqual(["/opt/my env/bin/python", "train.py"]);
    expect(texts(`py"thon"3 train.py`)).toEqual(["python3", "train.py"]);
  });

  it("drops redirections and their targets, comments, blank lines and line continuations", () => {
    expect(texts("# train the model\n\npython train.py \\\n  --epochs 3 > train.log 2>&1 # quiet\n")).toEqual([
      "python",
      "train.py",
      "--epochs",
      "3",
    ]);
    expect(texts("python train.py &>log <data.csv 3>>x")).toEqual(["python", "train.py"]);
    expect(texts("python train.py;")).toEqual(["python", "train.py"]);
  });

  it("marks words holding an expansion as dynamic", () => {
    expect(singleCommandWords(`$PYTHON train.py "$HOME/x" \`which\``)).toEqual([
      { text: "$PYTHON", dynamic: true },
      { text: "train.py", dynamic: false },
      { text: "$HOME/x", dynamic: true },
      { text: "`which`", dynamic: true },
    ]);
    expect(singleCommandWords(`python '$literal'`)?.[1]).toEqual({ text: "$literal", dynamic: false });
  });

  it("gives undefined for more than one command, pipelines, jobs, subshells, here-documents and broken quoting", () => {
    for (const script of [
      "pip install -r requirements.txt\npython train.py",
      "cd src && python train.py",
      "python train.py || true",
      "python prepare.py; python train.py",
      "python train.py | tee log",
      "python train.py &",
      "(python train.py)",
      "python $(which x)",
      "python <<EOF\nprint(1)\nEOF",
      "python 'train.py",
      'python "train.py',
      "python train.py >",
      "",
      "# only a comment\n",
    ]) {
      expect(singleCommandWords(script), script).toBeUndefined();
    }
  });
});
