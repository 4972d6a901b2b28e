# cnv1.profile: the shared folder's cnv1 set (ART HS25 2x150, 15x per haplotype copy, trio1 BAMs in the panel), as make-cnv1.sh makes it
SET=cnv1
SIM=art
SIM_SEED=5150        # read simulation: seed = SIM_SEED + 10*sample_index + component
NAME_PREFIX=SIMC1    # read names: <prefix><sample_index>:7:HSIMFC:1:<n>
# Panel normals from the shared folder (same simulator and settings as this set): listed in panel.tsv.
SHARED_PANEL=(trio1_father trio1_mother trio1_child)
# alias;patient_id;mrn;sex;role;genome_seed;events
# events (cnvsim.py): KIND:HAPMASK:MINLEN-MAXLEN:REGION_START-REGION_END[:CELL_FRACTION], or GAIN_MII:HAP /
# GAIN_MI:HAP:X for a whole-contig third copy. Each event is placed by the seed inside its region, where every
# 10 kb window it touches has at most 1% MAPQ-0 reads in the trio1 BAMs and it is 5 kb from N runs and ends.
SAMPLES=(
  "cnv1_del;26.09.21-134.12;UZL-0071264;female;proband;31337;DEL:1:285000-300000:0-310000,DUP:2:115000-125000:710000-1000000,DEL:3:14000-16000:370000-490000"
  "cnv1_tri;26.10.02-157.81;UZL-0075809;male;proband;31338;GAIN_MII:1"
  "cnv1_normal;91.04.27-318.76;UZL-0052937;female;normal;31339;"
)
BASE_DEPTH=15.0  # per haplotype copy
ART_ARGS="-ss HS25 -l 150 -m 400 -s 60"
